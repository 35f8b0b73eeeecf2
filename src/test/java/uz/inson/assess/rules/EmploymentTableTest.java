package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.II;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-employment.drl.xlsx */
@QuarkusTest
class EmploymentTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-employment.drl.xlsx";
    }

    @Test
    void anUnemployedFatherInALowIncomeFamilyGetsJobPlacementTheUnemploymentBenefitAndPublicWorks() {
        var services = servicesFromThisTable(household().wages(1_200_000)
                .member("father", "1990-07-08", M, HEAD, UNEMPLOYED)
                .member("mother", "1992-12-01", F, SPOUSE, EMPLOYED_INFORMAL)
                .child("son", "2018-09-10", M).build());
        assertTrue(services.containsAll(Set.of("EMP-001", "EMP-002", "EMP-004", "EMP-005")), services.toString());
    }

    @Test
    void anUnemployedManWithGroupTwoDisabilityGetsQuotaPlacementButNotTheUnemploymentBenefit() {
        var services = servicesFromThisTable(household().wages(4_000_000)
                .member("husband", "1984-04-18", M, HEAD, UNEMPLOYED, II)
                .member("wife", "1986-10-03", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.containsAll(Set.of("EMP-010", "EMP-011")), services.toString());
        assertFalse(services.contains("EMP-001"), services.toString());
        assertFalse(services.contains("EMP-002"), services.toString());
    }
}
