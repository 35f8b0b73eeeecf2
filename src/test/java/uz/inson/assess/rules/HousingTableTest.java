package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
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
    void aLowIncomeFamilyRentingAFlatGetsRentCompensationUtilityAidAndASocialFlatReferral() {
        var services = servicesFromThisTable(household().housing(RENTED, FAIR, true).wages(1_700_000)
                .member("father", "1989-12-12", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1992-04-04", F, SPOUSE, HOMEMAKER)
                .child("son", "2016-01-19", M).build());
        assertTrue(services.containsAll(Set.of("HOU-001", "HOU-002", "HOU-004", "HOU-012", "HOU-013")), services.toString());
    }

    @Test
    void theSameFamilyOwningItsHomeGetsMetersAndSolarPanelsButNoRentCompensation() {
        var services = servicesFromThisTable(household().housing(OWNED, GOOD, true).wages(1_700_000)
                .member("father", "1989-12-12", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1992-04-04", F, SPOUSE, HOMEMAKER)
                .child("son", "2016-01-19", M).build());
        assertTrue(services.containsAll(Set.of("HOU-014", "HOU-017")), services.toString());
        assertFalse(services.contains("HOU-002"), services.toString());
        assertFalse(services.contains("HOU-004"), services.toString());
    }
}
