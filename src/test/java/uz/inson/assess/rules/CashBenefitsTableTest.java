package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.CHILD_DISABILITY;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Impairment.MOBILITY;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-cash-benefits.drl.xlsx */
@QuarkusTest
class CashBenefitsTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-cash-benefits.drl.xlsx";
    }

    @Test
    void aLowIncomeFamilyWithUnemployedParentsGetsTheRowsOfTheChildAllowanceFamilyAidAndASocialContract() {
        var services = servicesFromThisTable(household().wages(1_500_000)
                .member("father", "1986-04-01", M, HEAD, UNEMPLOYED)
                .member("mother", "1988-09-01", F, SPOUSE, UNEMPLOYED)
                .child("son", "2015-01-01", M).child("daughter", "2019-05-01", F).build());
        assertTrue(services.containsAll(Set.of("CSH-001", "CSH-003", "CSH-024")), services.toString());
    }

    @Test
    void theSameFamilyEarningWellGetsNoMeansTestedCash() {
        var services = servicesFromThisTable(household().wages(9_000_000)
                .member("father", "1986-04-01", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1988-09-01", F, SPOUSE, EMPLOYED_FORMAL)
                .child("son", "2015-01-01", M).build());
        assertTrue(services.isEmpty(), services.toString());
    }

    @Test
    void aChildWithADisabilityIsEntitledToTheAllowanceWhateverTheIncomeButTheCaregiverAllowanceIsMeansTested() {
        var services = servicesFromThisTable(household().wages(9_000_000)
                .member("father", "1986-04-01", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1988-09-01", F, SPOUSE, HOMEMAKER)
                .child("son", "2015-01-01", M, CHILD_DISABILITY).impairments(MOBILITY).build());
        assertTrue(services.contains("CSH-005"), services.toString());
        assertFalse(services.contains("CSH-007"), services.toString());
    }

}
