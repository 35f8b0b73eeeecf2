package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.CasePathOption;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.inson.assess.household.Employment.*;
import static uz.inson.assess.household.HousingCondition.EMERGENCY;
import static uz.inson.assess.household.HousingCondition.FAIR;
import static uz.inson.assess.household.HousingTenure.NO_HOUSING;
import static uz.inson.assess.household.HousingTenure.OWNED;
import static uz.inson.assess.household.MemberFlag.CHILD_ABUSE_VICTIM;
import static uz.inson.assess.household.MemberFlag.CHRONIC_ILLNESS;
import static uz.inson.assess.household.Relation.*;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/case-paths.drl.xlsx and rules/case-path.drl: the heaviest path offered wins. */
@QuarkusTest
class CasePathRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    @Inject
    ActiveRuleSet active;

    private CasePathOption path(Household household) {
        return active.get().evaluate(household, AS_OF).casePath().option();
    }

    @Test
    void lowRiskOnlyNeedsInformation() {
        CasePathOption path = path(household().wages(9_000_000)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL).build());
        assertEquals("INFORMATION_ONLY", path.getCode());
        assertEquals(365, path.getReviewEveryDays());
    }

    @Test
    void moderateRiskIsAStandardCase() {
        RuleOutcome outcome = active.get().evaluate(household().wages(1_500_000)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_INFORMAL)
                .member("b", "1987-01-01", F, SPOUSE, HOMEMAKER, CHRONIC_ILLNESS).build(), AS_OF);
        assertEquals("MODERATE", outcome.risk().getLevel());
        assertEquals("STANDARD_CASE", outcome.casePath().option().getCode());
        assertEquals(7, outcome.casePath().option().getFirstContactWithinDays());
    }

    @Test
    void aChildAtRiskOfAbuseNeedsSameDayContactByAChildProtectionSpecialist() {
        CasePathOption path = path(household().wages(4_000_000).housing(OWNED, FAIR, true)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL)
                .child("c", "2016-01-01", F, CHILD_ABUSE_VICTIM).build());
        assertEquals("URGENT_CRISIS", path.getCode());
        assertEquals(0, path.getFirstContactWithinDays());
        assertEquals("CHILD_PROTECTION_SPECIALIST", path.getLeadSpecialist());
    }

    @Test
    void aFamilyWithoutHousingIsAnUrgentCrisisEvenWithSomeIncome() {
        assertEquals("URGENT_CRISIS", path(household().wages(2_500_000).housing(NO_HOUSING, FAIR, false)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_INFORMAL).build()).getCode());
    }

    @Test
    void anUnsafeDwellingIsAnUrgentCrisis() {
        assertEquals("URGENT_CRISIS", path(household().wages(6_000_000).housing(OWNED, EMERGENCY, true)
                .member("a", "1984-01-01", M, HEAD, EMPLOYED_FORMAL).build()).getCode());
    }
}
