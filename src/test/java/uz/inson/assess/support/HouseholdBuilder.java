package uz.inson.assess.support;

import uz.inson.assess.household.Assets;
import uz.inson.assess.household.Disability;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Housing;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
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
import java.util.List;
import java.util.Set;

/** Builds households for rule tests; defaults describe an ordinary family in owned housing in good repair. */
public final class HouseholdBuilder {
    private Region region = Region.TASHKENT_REGION;
    private Housing housing = new Housing(HousingTenure.OWNED, HousingCondition.GOOD, true);
    private long wages;
    private long pensions;
    private MonthlyExpenses expenses = new MonthlyExpenses(0, 0, 0, 0, 0, 0);
    private boolean car;
    private final Set<Registry> registries = EnumSet.noneOf(Registry.class);
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
        this.car = true;
        return this;
    }

    public HouseholdBuilder in(Registry registry) {
        registries.add(registry);
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

    public Household build() {
        return new Household("TEST", region, "District", "Mahalla", housing, new MonthlyIncome(wages, pensions, 0, 0, 0, 0),
                expenses, new Assets(car, 0, 0), registries, members);
    }
}
