package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.HousingCondition.EMERGENCY;
import static uz.inson.assess.household.HousingCondition.FAIR;
import static uz.inson.assess.household.HousingCondition.GOOD;
import static uz.inson.assess.household.HousingTenure.OWNED;
import static uz.inson.assess.household.HousingTenure.RENTED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-housing.drl.xlsx */
@QuarkusTest
class HousingTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-housing.drl.xlsx";
    }

    @Test
    void aLowIncomeFamilyRentingItsHomeGetsRentAndUtilityCompensation() {
        var services = servicesFromThisTable(household().wages(1_500_000).housing(RENTED, FAIR, true)
                .member("father", "1986-04-01", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1988-09-01", F, SPOUSE, HOMEMAKER)
                .child("son", "2015-01-01", M).build());
        assertTrue(services.containsAll(Set.of("HOU-001", "HOU-002")), services.toString());
    }

    @Test
    void aLowIncomeFamilyInAnUnsafeHomeOfItsOwnGetsUrgentRepairs() {
        var services = servicesFromThisTable(household().wages(1_500_000).housing(OWNED, EMERGENCY, true)
                .member("father", "1986-04-01", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1988-09-01", F, SPOUSE, HOMEMAKER)
                .child("son", "2015-01-01", M).build());
        assertTrue(services.contains("HOU-003"), services.toString());
    }

    @Test
    void aWellOffFamilyInAGoodHomeGetsNoHousingHelp() {
        var services = servicesFromThisTable(household().wages(12_000_000).housing(OWNED, GOOD, true)
                .member("father", "1986-04-01", M, HEAD, EMPLOYED_FORMAL)
                .child("son", "2015-01-01", M).build());
        assertTrue(services.isEmpty(), services.toString());
    }

}
