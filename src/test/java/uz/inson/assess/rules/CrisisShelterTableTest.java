package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.MemberFlag.TRAFFICKING_VICTIM;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-crisis-shelter.drl.xlsx */
@QuarkusTest
class CrisisShelterTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-crisis-shelter.drl.xlsx";
    }

    @Test
    void aYoungWomanBackHomeAfterTraffickingGetsTheRehabilitationCentreACrisisAllowanceAndAFoodParcel() {
        var services = servicesFromThisTable(household().wages(2_000_000)
                .member("father", "1970-01-30", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1974-04-14", F, SPOUSE, HOMEMAKER)
                .member("daughter", "2002-07-22", F, uz.inson.assess.household.Relation.CHILD, UNEMPLOYED, TRAFFICKING_VICTIM).build());
        assertTrue(services.containsAll(Set.of("CRS-003", "CRS-005", "CRS-007")), services.toString());
    }

    @Test
    void aWellOffFamilyWithoutACrisisGetsNoCrisisHelp() {
        var services = servicesFromThisTable(household().wages(9_000_000)
                .member("father", "1970-01-30", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1974-04-14", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.isEmpty(), services.toString());
    }

}
