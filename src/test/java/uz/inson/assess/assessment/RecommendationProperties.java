package uz.inson.assess.assessment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uz.inson.assess.common.Language;
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
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.PersonProfile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants of the recommendations over thousands of generated households (jqwik): whatever the family, the answer
 * never repeats a service, never gives a device for an impairment nobody declared, never pays means-tested cash above
 * the at-risk limit or against excluding assets, keeps the package under the cap, sets the risk level as the 2023 draft
 * counts it, grants only what answers a need or is an entitlement, and places nobody without a safety need; an
 * integrating system's answer is the full one without the case detail.
 */
class RecommendationProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final CompiledRuleSet RULES = compile();
    private static final AnswerWriter WRITER = new AnswerWriter();
    private static final AssessmentEngine ENGINE = new AssessmentEngine(WRITER);

    private static CompiledRuleSet compile() {
        try {
            return new RuleSetCompiler().compile(RuleSetBundle.fromDirectory(Path.of(".")));
        } catch (Exception e) {
            throw new IllegalStateException("the repository's rule set does not compile", e);
        }
    }

    @Property(tries = 400)
    void noTwoEligibleServicesCarryTheSameName(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        for (Language language : Language.values()) {
            Set<String> names = new HashSet<>();
            for (Decision.Recommendation r : decision.recommendations()) {
                assertTrue(names.add(r.service().name(language)), "twice: " + r.service().name(language));
            }
        }
    }

    @Property(tries = 400)
    void noServiceForAnImpairmentNobodyDeclared(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        for (Decision.Recommendation r : decision.recommendations()) {
            if (r.service().impairments().isEmpty()) {
                continue;
            }
            // a member's device goes to members who declared the impairment; a household's (a ramp) to a home where someone did
            List<String> concerned = r.service().unit() == uz.inson.assess.catalog.BeneficiaryUnit.MEMBER ? r.beneficiaries()
                    : r.grants().stream().map(Grant::memberRef).filter(java.util.Objects::nonNull).toList();
            assertFalse(concerned.isEmpty(), r.code() + " for nobody in particular");
            for (String ref : concerned) {
                PersonProfile person = decision.outcome().people().get(ref);
                assertTrue(r.service().impairments().stream().anyMatch(person.getImpairments()::contains),
                        r.code() + " for " + ref + " who declared " + person.getImpairments());
            }
        }
    }

    @Property(tries = 400)
    void noMeansTestedCashAboveTheAtRiskLimitOrAgainstExcludingOrUnknownAssets(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        var profile = decision.outcome().household();
        double limit = profile.getMsl() * decision.outcome().parameter("POVERTY_RISK_MSL_MULTIPLIER").orElseThrow();
        boolean excluded = decision.meansTest().outcome() == Decision.MeansTest.Outcome.EXCLUDED
                || decision.meansTest().outcome() == Decision.MeansTest.Outcome.UNKNOWN;
        for (Decision.Recommendation r : decision.recommendations()) {
            if (r.service().isCash() && r.service().meansTested()) {
                assertTrue(profile.getPerCapitaIncome() < limit, r.code() + " at " + profile.getPerCapitaIncome() + " per person");
                assertFalse(excluded, r.code() + " despite the means test: " + decision.meansTest());
            }
        }
    }

    @Property(tries = 400)
    void theMonthlyPackageNeverExceedsTheCap(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        var profile = decision.outcome().household();
        double cap = decision.outcome().parameter(AssessmentEngine.CAP).orElseThrow() * profile.getMsl() * profile.getSize();
        assertTrue(decision.cashPackage().monthlyCashUzs() + decision.cashPackage().alreadyReceivedMonthlyUzs() <= Math.round(cap)
                        || decision.cashPackage().monthlyCashUzs() == 0,
                decision.cashPackage() + " over " + cap);
        long members = decision.cashPackage().byMember().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(members <= decision.cashPackage().monthlyCashUzs(), "members' share " + members + " of " + decision.cashPackage());
    }

    @Property(tries = 400)
    void theRiskLevelIsCountedByAreasRedFlagsAndDanger(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        var needs = decision.outcome().needs();
        String expected = needs.isImmediateDanger() ? "CRITICAL"
                : needs.isRedFlag() || needs.getProblemAreas() >= 4 ? "HIGH"
                : needs.getProblemAreas() >= 2 ? "MODERATE" : "LOW";
        assertEquals(expected, decision.riskLevel(), needs.getAreas() + " red flag " + needs.isRedFlag());
        assertEquals(needs.getProblemAreas(), decision.needs().size());
    }

    @Property(tries = 400)
    void everyServiceAnswersANeedOrIsAnEntitlement(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        Set<NeedArea> areas = new HashSet<>();
        decision.needs().forEach(n -> areas.add(n.area()));
        for (Decision.Recommendation r : decision.recommendations()) {
            assertTrue(r.entitlement() || !r.answersNeeds().isEmpty(), r.code() + " answers nothing");
            assertTrue(areas.containsAll(r.answersNeeds()), r.code() + " answers " + r.answersNeeds() + " of " + areas);
        }
    }

    @Property(tries = 400)
    void nobodyIsPlacedAwayFromTheFamilyWithoutASafetyNeed(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        boolean safety = decision.needs().stream().anyMatch(n -> n.area() == NeedArea.SAFETY);
        for (Decision.Recommendation r : decision.recommendations()) {
            if (r.service().placement()) {
                assertTrue(safety, r.code() + " without a safety need");
            }
        }
    }

    /** The words an integrating system's dry run skips are exactly the ones it would not have been shown. */
    @Property(tries = 200)
    void anIntegratingSystemsAnswerIsTheFullOneWithoutTheCaseDetail(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        for (Language language : Language.values()) {
            AssessmentResult full = WRITER.write(decision, language, true, true, true);
            AssessmentResult shown = WRITER.write(decision, language, true, true, false);
            assertEquals(full.withoutCaseDetail(), shown, language.name());
        }
    }

    @Property(tries = 200)
    void aGrantNeverRestsOnAFactTheRequestLeftOut(@ForAll("households") Household household) {
        Decision decision = ENGINE.decide(RULES, household, AS_OF);
        for (Decision.Recommendation r : decision.recommendations()) {
            for (Grant grant : r.grants()) {
                var row = RULES.row(grant.rule());
                Criterion.Subject subject = AssessmentEngine.subject(decision.outcome(), grant.memberRef());
                for (DecisionTable.Column column : row.table().columns()) {
                    Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
                    if (criterion != null && !row.row().cell(column).isEmpty() && criterion.appliesTo(subject)) {
                        assertFalse(criterion.isUnknown(subject), r.code() + " rests on unknown " + criterion);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<Household> households() {
        Arbitrary<Long> amounts = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(100_000, 3_000_000),
                Arbitraries.longs().between(3_000_000, 20_000_000));
        Arbitrary<MonthlyIncome> income = Combinators.combine(amounts, amounts, Arbitraries.longs().between(0, 1_000_000))
                .as((wages, pensions, other) -> new MonthlyIncome(wages, pensions, 0, 0, 0, other));
        Arbitrary<MonthlyExpenses> expenses = Combinators.combine(Arbitraries.longs().between(0, 2_000_000), Arbitraries.longs().between(0, 600_000),
                Arbitraries.longs().between(0, 800_000), Arbitraries.longs().between(0, 300_000))
                .as((housing, utilities, medical, debt) -> new MonthlyExpenses(housing, utilities, medical, 0, debt, 0));
        Arbitrary<Assets> assets = Arbitraries.oneOf(Arbitraries.just(null),
                Combinators.combine(Arbitraries.of(true, false, false, false), Arbitraries.of(0L, 400L, 1500L, 3000L),
                        Arbitraries.of(0L, 2L, 8L), Arbitraries.of(false, false, true)).as(Assets::new));
        Arbitrary<Housing> housing = Combinators.combine(Arbitraries.of(HousingTenure.class), Arbitraries.of(HousingCondition.class),
                Arbitraries.of(true, true, false)).as(Housing::new);
        Arbitrary<List<Member>> members = Arbitraries.integers().between(1, 8).flatMap(size -> member().list().ofSize(size))
                .map(RecommendationProperties::withHeadAndGuardians);
        return Combinators.combine(Arbitraries.of(Region.class), housing, income, expenses, assets,
                Arbitraries.of(Registry.class).set().ofMaxSize(2), members)
                .as((region, home, money, spending, owned, registries, people) ->
                        new Household("GEN", region, "District", "Mahalla", home, money, spending, owned, registries, people));
    }

    private Arbitrary<Member> member() {
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 95).map(age -> AS_OF.minusYears(age).minusDays(40));
        Arbitrary<Set<MemberFlag>> flags = Arbitraries.oneOf(Arbitraries.just(Set.of()), Arbitraries.of(MemberFlag.class).set().ofMaxSize(3));
        Arbitrary<Disability> disability = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null), Arbitraries.just(null),
                Arbitraries.of(DisabilityGroup.class).map(Disability::new));
        Arbitrary<Set<Impairment>> impairments = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(Impairment.class).set().ofMaxSize(2));
        Arbitrary<CareNeed> care = Arbitraries.oneOf(Arbitraries.just(null),
                Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 8)).as(CareNeed::new));
        Arbitrary<Boolean> jobSeeker = Arbitraries.of(true, false).injectNull(0.5);
        return Combinators.combine(birth, Arbitraries.of(Sex.class), Arbitraries.of(Relation.class), Arbitraries.of(Employment.class),
                disability, flags, impairments, care).flatAs((born, sex, relation, employment, dis, flag, imp, careNeed) -> jobSeeker.map(
                seeker -> new Member("m", null, born, sex, relation, employment, dis, false, flag, imp, careNeed, seeker, null)));
    }

    /** Unique refs, the first member as the head, and orphans given the oldest adult as guardian half the time. */
    private static List<Member> withHeadAndGuardians(List<Member> generated) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            Member m = generated.get(i);
            members.add(new Member("m" + (i + 1), null, m.birthDate(), m.sex(), i == 0 ? Relation.HEAD : m.relation() == Relation.HEAD ? Relation.CHILD : m.relation(),
                    m.employment(), m.disability(), false, m.flags(), m.impairments(), m.careNeed(), m.registeredJobSeeker(), null));
        }
        Member adult = members.stream().filter(m -> m.birthDate().isBefore(AS_OF.minusYears(25))).findFirst().orElse(null);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (adult != null && m != adult && m.flags().contains(MemberFlag.ORPHAN) && i % 2 == 0) {
                members.set(i, new Member(m.ref(), null, m.birthDate(), m.sex(), m.relation(), m.employment(), m.disability(), false, m.flags(),
                        m.impairments(), m.careNeed(), m.registeredJobSeeker(), adult.ref()));
            }
        }
        return members;
    }
}
