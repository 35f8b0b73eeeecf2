package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.RiskFactor;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.CHILD_DISABILITY;
import static uz.inson.assess.household.Employment.*;
import static uz.inson.assess.household.HousingCondition.FAIR;
import static uz.inson.assess.household.HousingCondition.GOOD;
import static uz.inson.assess.household.HousingCondition.POOR;
import static uz.inson.assess.household.HousingTenure.OWNED;
import static uz.inson.assess.household.HousingTenure.RENTED;
import static uz.inson.assess.household.MemberFlag.*;
import static uz.inson.assess.household.Relation.*;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/risk-weights.drl.xlsx and rules/risk.drl: factors, score, level. */
@QuarkusTest
class RiskRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    @Inject
    ActiveRuleSet active;

    private RuleOutcome evaluate(Household household) {
        return active.get().evaluate(household, AS_OF);
    }

    private static List<String> codes(RuleOutcome outcome) {
        return outcome.riskFactors().stream().map(RiskFactor::code).toList();
    }

    @Test
    void aComfortableFamilyHasNoRiskFactorsAndLowRisk() {
        RuleOutcome outcome = evaluate(household().wages(9_000_000).car()
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1986-01-01", F, SPOUSE, EMPLOYED_FORMAL)
                .child("c", "2014-01-01", F).build());
        assertEquals(List.of(), codes(outcome));
        assertEquals("LOW", outcome.risk().level());
        assertEquals(0, outcome.risk().score());
    }

    @Test
    void twoDisabledChildrenCountAsOneFactor() {
        RuleOutcome outcome = evaluate(household().wages(5_000_000)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1986-01-01", F, SPOUSE, HOMEMAKER)
                .child("c", "2014-01-01", F, CHILD_DISABILITY)
                .child("d", "2016-01-01", M, CHILD_DISABILITY).build());
        assertEquals(1, codes(outcome).stream().filter("CHILD_WITH_DISABILITY"::equals).count());
        assertEquals(20, outcome.risk().score());
        assertEquals("LOW", outcome.risk().level());
    }

    @Test
    void theScoreIsTheSumOfTheFactorPoints() {
        RuleOutcome outcome = evaluate(household().wages(1_000_000).housing(RENTED, POOR, true)
                .member("mother", "1990-01-01", F, HEAD, UNEMPLOYED)
                .child("son", "2015-01-01", M).build());
        int sum = outcome.riskFactors().stream().mapToInt(RiskFactor::points).sum();
        assertEquals(sum, outcome.risk().score());
        assertTrue(codes(outcome).containsAll(List.of("INCOME_BELOW_MSL", "UNEMPLOYED_ADULT", "SINGLE_PARENT", "POOR_HOUSING")), codes(outcome).toString());
    }

    @Test
    void problemsInFourAreasMakeTheNeedAtLeastHighWhateverTheScore() {
        // chronic illness (health), unemployment (employment), poor housing (housing), large family (family): 8+8+8+6 = 30 points
        RuleOutcome outcome = evaluate(household().wages(6_000_000).housing(OWNED, POOR, true)
                .member("a", "1980-01-01", M, HEAD, UNEMPLOYED, CHRONIC_ILLNESS)
                .member("b", "1982-01-01", F, SPOUSE, EMPLOYED_FORMAL)
                .child("c", "2010-01-01", F)
                .child("d", "2012-01-01", M)
                .child("e", "2014-01-01", F)
                .child("f", "2016-01-01", M).build());
        assertTrue(outcome.risk().score() < 50, "score " + outcome.risk().score());
        assertEquals("HIGH", outcome.risk().level());
    }

    @Test
    void domesticViolenceMakesTheNeedAtLeastHigh() {
        RuleOutcome outcome = evaluate(household().wages(8_000_000).housing(OWNED, GOOD, true)
                .member("w", "1992-01-01", F, HEAD, EMPLOYED_FORMAL, DOMESTIC_VIOLENCE_VICTIM).build());
        assertEquals(List.of("DOMESTIC_VIOLENCE"), codes(outcome));
        assertEquals("HIGH", outcome.risk().level());
    }

    @Test
    void manyGraveProblemsTogetherAreCritical() {
        RuleOutcome outcome = evaluate(household().wages(0).housing(RENTED, FAIR, false)
                .member("w", "1995-01-01", F, HEAD, UNEMPLOYED, DOMESTIC_VIOLENCE_VICTIM, ADDICTION)
                .child("k", "2017-01-01", M, CHILD_ABUSE_VICTIM).build());
        assertTrue(outcome.risk().score() >= 80, "score " + outcome.risk().score());
        assertEquals("CRITICAL", outcome.risk().level());
    }
}
