package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.HouseholdProfile;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.*;
import static uz.inson.assess.household.Relation.*;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** rules/indicators.drl: ages, income per person, dependency ratio and the registry category on the case date. */
@QuarkusTest
class IndicatorsRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    /** In force from 2026-02-01 (parameters table). */
    private static final long MSL = 720_000;

    @Inject
    ActiveRuleSet active;

    private RuleOutcome evaluate(Household household, LocalDate asOf) {
        return active.get().evaluate(household, asOf);
    }

    @Test
    void ageCountsWholeYearsUpToTheCaseDate() {
        RuleOutcome outcome = evaluate(household()
                .member("turns-18-tomorrow", "2008-11-26", M, uz.inson.assess.household.Relation.CHILD, STUDENT)
                .member("turned-18-today", "2008-11-25", F, uz.inson.assess.household.Relation.CHILD, STUDENT).build(), AS_OF);
        assertEquals(17, outcome.people().get("turns-18-tomorrow").getAge());
        assertEquals(18, outcome.people().get("turned-18-today").getAge());
        assertEquals(1, outcome.household().getChildrenCount());
    }

    @Test
    void perCapitaIncomeIsThreeMonthsIncomeDividedByMembersAndByThree() {
        HouseholdProfile profile = evaluate(household().wages(2_000_000).pensions(1_000_000).expenses(600_000, 300_000, 0, 0, 900_000)
                .member("a", "1980-01-01", M, HEAD, EMPLOYED_FORMAL)
                .member("b", "1982-01-01", F, SPOUSE, HOMEMAKER)
                .member("c", "1950-01-01", F, PARENT, PENSIONER).build(), AS_OF).household();
        assertEquals(1_000_000, profile.getPerCapitaIncome());
        // debt is not an essential expense
        assertEquals(700_000, profile.getPerCapitaNetIncome());
        assertEquals(3_000_000, profile.getMonthlyIncome());
    }

    @Test
    void dependencyRatioIsDependantsPerWorkingAgeMember() {
        HouseholdProfile profile = evaluate(household().wages(3_000_000)
                .member("a", "1980-01-01", M, HEAD, EMPLOYED_FORMAL)
                .child("b", "2015-01-01", F)
                .child("c", "2018-01-01", M)
                .member("d", "1950-01-01", F, PARENT, PENSIONER).build(), AS_OF).household();
        assertEquals(3.0, profile.getDependencyRatio());
    }

    @Test
    void dependencyRatioIsUnknownWhenNobodyIsOfWorkingAge() {
        HouseholdProfile profile = evaluate(household().pensions(1_500_000)
                .member("a", "1948-01-01", M, HEAD, PENSIONER)
                .member("b", "1951-01-01", F, SPOUSE, PENSIONER).build(), AS_OF).household();
        assertNull(profile.getDependencyRatio());
        assertEquals(2, profile.getPensionAgeCount());
    }

    @Test
    void womenReachPensionAgeAt55AndMenAt60() {
        RuleOutcome outcome = evaluate(household().wages(4_000_000)
                .member("woman55", "1971-06-01", F, HEAD, EMPLOYED_FORMAL)
                .member("man55", "1971-06-01", M, SPOUSE, EMPLOYED_FORMAL).build(), AS_OF);
        assertTrue(outcome.people().get("woman55").isPensionAge());
        assertFalse(outcome.people().get("man55").isPensionAge());
        assertTrue(outcome.people().get("man55").isAbleToWork());
    }

    @Test
    void incomeBelowTheMinimumWithSomeoneAbleToWorkIsLowIncome() {
        assertEquals("LOW_INCOME", category(2 * MSL - 2, UNEMPLOYED));
    }

    @Test
    void incomeBelowTheMinimumWithNobodyAbleToWorkIsStateSupported() {
        assertEquals("STATE_SUPPORTED", category(2 * MSL - 2, UNABLE_TO_WORK));
    }

    @Test
    void incomeExactlyAtTheMinimumIsAtRiskOfPoverty() {
        assertEquals("AT_RISK_OF_POVERTY", category(2 * MSL, UNEMPLOYED));
    }

    @Test
    void incomeAtOneAndAHalfTimesTheMinimumIsNotInNeed() {
        assertEquals("AT_RISK_OF_POVERTY", category(3 * MSL - 2, UNEMPLOYED));
        assertEquals("NONE", category(3 * MSL, UNEMPLOYED));
    }

    /** A mother and a child with the given monthly income; the mother's employment decides whether anyone can work. */
    private String category(long monthlyIncome, uz.inson.assess.household.Employment mother) {
        return evaluate(household().wages(monthlyIncome)
                .member("mother", "1990-01-01", F, HEAD, mother)
                .child("child", "2020-01-01", M).build(), AS_OF).household().getRegistryCategory();
    }
}
