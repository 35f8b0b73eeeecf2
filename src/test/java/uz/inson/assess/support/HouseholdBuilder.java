package uz.inson.assess.support;

import uz.inson.assess.household.Assets;
import uz.inson.assess.household.CareNeed;
import uz.inson.assess.household.Disability;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Housing;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.Member;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.MonthlyExpenses;
import uz.inson.assess.household.MonthlyIncome;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds households for rule tests; defaults describe an ordinary family in owned housing in good repair, with its
 * assets recorded (none). The last member added can be given what a social worker asks next: impairments, care scores,
 * job-seeker registration, a guardian.
 */
public final class HouseholdBuilder {
    private Region region = Region.TASHKENT_REGION;
    private Housing housing = new Housing(HousingTenure.OWNED, HousingCondition.GOOD, true);
    private long wages;
    private long pensions;
    private MonthlyExpenses expenses = new MonthlyExpenses(0, 0, 0, 0, 0, 0);
    private Assets assets = Assets.NONE;
    private final Set<Registry> registries = EnumSet.noneOf(Registry.class);
    private final Set<String> receives = new LinkedHashSet<>();
    private final List<Member> members = new ArrayList<>();

    public static HouseholdBuilder household() {
        return new HouseholdBuilder();
    }

    public HouseholdBuilder in(Region region) {
        this.region = region;
        return this;
    }

    public HouseholdBuilder housing(HousingTenure tenure, HousingCondition condition, boolean utilities) {
        this.housing = new Housing(tenure, condition, utilities);
        return this;
    }

    public HouseholdBuilder wages(long wages) {
        this.wages = wages;
        return this;
    }

    public HouseholdBuilder pensions(long pensions) {
        this.pensions = pensions;
        return this;
    }

    public HouseholdBuilder expenses(long housing, long utilities, long medical, long education, long debt) {
        this.expenses = new MonthlyExpenses(housing, utilities, medical, education, debt, 0);
        return this;
    }

    public HouseholdBuilder car() {
        this.assets = new Assets(true, assets.landPlotSqm(), assets.livestockHeads(), assets.business());
        return this;
    }

    public HouseholdBuilder assets(boolean car, long landPlotSqm, long livestockHeads, boolean business) {
        this.assets = new Assets(car, landPlotSqm, livestockHeads, business);
        return this;
    }

    /** The social worker has not recorded the household's assets yet. */
    public HouseholdBuilder assetsNotRecorded() {
        this.assets = null;
        return this;
    }

    public HouseholdBuilder in(Registry registry) {
        registries.add(registry);
        return this;
    }

    public HouseholdBuilder receives(String... codes) {
        receives.addAll(List.of(codes));
        return this;
    }

    public HouseholdBuilder member(String ref, String birthDate, Sex sex, Relation relation, Employment employment, MemberFlag... flags) {
        return member(ref, birthDate, sex, relation, employment, null, flags);
    }

    public HouseholdBuilder member(String ref, String birthDate, Sex sex, Relation relation, Employment employment,
                                   DisabilityGroup disability, MemberFlag... flags) {
        members.add(new Member(ref, null, LocalDate.parse(birthDate), sex, relation, employment,
                disability == null ? null : new Disability(disability), false, Set.of(flags)));
        return this;
    }

    /** A child of the household (relation and activity both CHILD). */
    public HouseholdBuilder child(String ref, String birthDate, Sex sex, MemberFlag... flags) {
        return member(ref, birthDate, sex, Relation.CHILD, Employment.CHILD, null, flags);
    }

    public HouseholdBuilder child(String ref, String birthDate, Sex sex, DisabilityGroup disability, MemberFlag... flags) {
        return member(ref, birthDate, sex, Relation.CHILD, Employment.CHILD, disability, flags);
    }

    public HouseholdBuilder pregnant(String ref, String birthDate, Relation relation, Employment employment) {
        members.add(new Member(ref, null, LocalDate.parse(birthDate), Sex.F, relation, employment, null, true, Set.of()));
        return this;
    }

    /** The last member's impairments, as asked (none: an empty set). */
    public HouseholdBuilder impairments(Impairment... impairments) {
        return changeLast(m -> new Member(m.ref(), m.pinfl(), m.birthDate(), m.sex(), m.relation(), m.employment(), m.disability(),
                m.pregnant(), m.flags(), Set.of(impairments), m.careNeed(), m.registeredJobSeeker(), m.guardianRef()));
    }

    /** The last member's care scores (either may be null). */
    public HouseholdBuilder careNeed(Integer barthel, Integer lawton) {
        return changeLast(m -> new Member(m.ref(), m.pinfl(), m.birthDate(), m.sex(), m.relation(), m.employment(), m.disability(),
                m.pregnant(), m.flags(), m.impairments(), new CareNeed(barthel, lawton), m.registeredJobSeeker(), m.guardianRef()));
    }

    public HouseholdBuilder jobSeeker(boolean registered) {
        return changeLast(m -> new Member(m.ref(), m.pinfl(), m.birthDate(), m.sex(), m.relation(), m.employment(), m.disability(),
                m.pregnant(), m.flags(), m.impairments(), m.careNeed(), registered, m.guardianRef()));
    }

    /** When the last member's disability was first established. */
    public HouseholdBuilder disabledSince(String firstEstablishedOn) {
        return changeLast(m -> new Member(m.ref(), m.pinfl(), m.birthDate(), m.sex(), m.relation(), m.employment(),
                new Disability(m.disability().group(), LocalDate.parse(firstEstablishedOn)), m.pregnant(), m.flags(), m.impairments(),
                m.careNeed(), m.registeredJobSeeker(), m.guardianRef()));
    }

    public HouseholdBuilder guardian(String guardianRef) {
        return changeLast(m -> new Member(m.ref(), m.pinfl(), m.birthDate(), m.sex(), m.relation(), m.employment(), m.disability(),
                m.pregnant(), m.flags(), m.impairments(), m.careNeed(), m.registeredJobSeeker(), guardianRef));
    }

    private HouseholdBuilder changeLast(java.util.function.UnaryOperator<Member> change) {
        members.set(members.size() - 1, change.apply(members.get(members.size() - 1)));
        return this;
    }

    public Household build() {
        return new Household("TEST", region, "District", "Mahalla", housing, new MonthlyIncome(wages, pensions, 0, 0, 0, 0),
                expenses, assets, registries, members, receives, null);
    }
}
