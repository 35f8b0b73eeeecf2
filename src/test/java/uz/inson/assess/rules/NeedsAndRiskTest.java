package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.RiskFactor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.CHILD_DISABILITY;
import static uz.inson.assess.household.DisabilityGroup.I;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.HousingCondition.GOOD;
import static uz.inson.assess.household.HousingCondition.POOR;
import static uz.inson.assess.household.HousingTenure.OWNED;
import static uz.inson.assess.household.HousingTenure.RENTED;
import static uz.inson.assess.household.MemberFlag.ADDICTION;
import static uz.inson.assess.household.MemberFlag.CHILD_ABUSE_VICTIM;
import static uz.inson.assess.household.MemberFlag.CHRONIC_ILLNESS;
import static uz.inson.assess.household.MemberFlag.DOMESTIC_VIOLENCE_VICTIM;
import static uz.inson.assess.household.MemberFlag.LONELY_ELDERLY;
import static uz.inson.assess.household.MemberFlag.NEEDS_CARE;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/**
 * decision-tables/needs.drl.xlsx, risk-levels.drl.xlsx and rules/needs.drl, risk.drl: problems by area of life, and the
 * risk level as the 2023 draft counts it (areas with problems, red flags, immediate danger); points only order.
 */
@QuarkusTest
class NeedsAndRiskTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    @Inject
    ActiveRuleSet active;

    private RuleOutcome evaluate(Household household) {
        return active.get().evaluate(household, AS_OF);
    }

    private static List<String> codes(RuleOutcome outcome) {
        return outcome.riskFactors().stream().map(RiskFactor::code).toList();
    }

    private static Set<String> areas(RuleOutcome outcome) {
        return new TreeSet<>(outcome.needs().getAreas());
    }

    @Test
    void aComfortableFamilyHasNoNeedsAndLowRisk() {
        RuleOutcome outcome = evaluate(household().wages(9_000_000).car()
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1986-01-01", F, SPOUSE, EMPLOYED_FORMAL)
                .child("c", "2014-01-01", F).build());
        assertEquals(List.of(), codes(outcome));
        assertEquals("LOW", outcome.risk().getLevel());
        assertEquals(0, outcome.risk().score());
    }

    @Test
    void lowIncomeAloneIsOneAreaAndLowRisk() {
        RuleOutcome outcome = evaluate(household().wages(2_400_000)
                .member("a", "1988-01-01", M, HEAD, EMPLOYED_INFORMAL)
                .member("b", "1990-01-01", F, SPOUSE, HOMEMAKER)
                .child("c", "2015-01-01", M).child("d", "2019-01-01", F).build());
        assertEquals(Set.of("INCOME"), areas(outcome));
        assertEquals("LOW", outcome.risk().getLevel());
    }

    @Test
    void twoChildrenWithADisabilityCountAsOneProblemInOneArea() {
        RuleOutcome outcome = evaluate(household().wages(5_000_000)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1986-01-01", F, SPOUSE, HOMEMAKER)
                .child("c", "2014-01-01", F, CHILD_DISABILITY).impairments()
                .child("d", "2016-01-01", M, CHILD_DISABILITY).impairments().build());
        assertEquals(1, codes(outcome).stream().filter("CHILD_WITH_DISABILITY"::equals).count());
        assertEquals(20, outcome.risk().score());
        assertEquals("LOW", outcome.risk().getLevel());
    }

    @Test
    void problemsInTwoAreasAreModerateAndInFourHighWhateverThePoints() {
        RuleOutcome two = evaluate(household().wages(1_500_000)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_INFORMAL)
                .member("b", "1987-01-01", F, SPOUSE, HOMEMAKER, CHRONIC_ILLNESS).build());
        assertEquals(Set.of("INCOME", "HEALTH"), areas(two));
        assertEquals("MODERATE", two.risk().getLevel());

        RuleOutcome four = evaluate(household().wages(1_000_000).housing(RENTED, POOR, true)
                .member("mother", "1990-01-01", F, HEAD, UNEMPLOYED)
                .child("son", "2015-01-01", M).build());
        assertEquals(Set.of("INCOME", "HOUSING", "EMPLOYMENT", "FAMILY"), areas(four));
        assertEquals("HIGH", four.risk().getLevel());
        assertEquals(four.riskFactors().stream().mapToInt(RiskFactor::points).sum(), four.risk().score());
    }

    @Test
    void violenceIsARedFlagThatMakesTheNeedHighEvenInAWellOffFamily() {
        RuleOutcome outcome = evaluate(household().wages(8_000_000).housing(OWNED, GOOD, true)
                .member("w", "1992-01-01", F, HEAD, EMPLOYED_FORMAL, DOMESTIC_VIOLENCE_VICTIM).build());
        assertTrue(codes(outcome).contains("DOMESTIC_VIOLENCE"), codes(outcome).toString());
        assertTrue(outcome.needs().isRedFlag());
        assertEquals("HIGH", outcome.risk().getLevel());
    }

    @Test
    void aChildAtRiskOfAbuseIsAnImmediateDangerAndCritical() {
        RuleOutcome outcome = evaluate(household().wages(3_000_000)
                .member("a", "1985-01-01", M, HEAD, EMPLOYED_INFORMAL, ADDICTION)
                .child("k", "2017-01-01", M, CHILD_ABUSE_VICTIM).build());
        assertTrue(outcome.needs().isImmediateDanger());
        assertEquals("CRITICAL", outcome.risk().getLevel());
    }

    @Test
    void anOldWomanWhoNeedsHelpWithEverythingAndLivesAloneIsInDanger() {
        RuleOutcome outcome = evaluate(household().pensions(1_300_000)
                .member("g", "1940-03-01", F, HEAD, PENSIONER, LONELY_ELDERLY).careNeed(30, 1).build());
        assertEquals("HIGH", outcome.people().get("g").getCareDependency());
        assertTrue(codes(outcome).containsAll(List.of("HIGH_CARE_DEPENDENCY", "DEPENDENT_WITHOUT_CARER")), codes(outcome).toString());
        assertEquals("CRITICAL", outcome.risk().getLevel());
    }

    @Test
    void theSameWomanLivingWithHerDaughterHasACarerAndIsNotInDanger() {
        RuleOutcome outcome = evaluate(household().pensions(1_300_000).wages(3_000_000)
                .member("d", "1975-03-01", F, HEAD, EMPLOYED_FORMAL)
                .member("g", "1940-03-01", F, uz.inson.assess.household.Relation.PARENT, PENSIONER).careNeed(30, 1).build());
        assertTrue(!codes(outcome).contains("DEPENDENT_WITHOUT_CARER"), codes(outcome).toString());
        assertEquals(Set.of("CARE"), areas(outcome));
    }

    @Test
    void careThatIsNeededButNotYetScoredStillCountsAsANeedForCare() {
        RuleOutcome outcome = evaluate(household().wages(4_000_000)
                .member("a", "1970-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1972-01-01", F, SPOUSE, HOMEMAKER, I, NEEDS_CARE).impairments().build());
        assertEquals("UNKNOWN", outcome.people().get("b").getCareDependency());
        assertTrue(areas(outcome).contains("CARE"), areas(outcome).toString());
    }
}
