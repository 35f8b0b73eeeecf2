package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.HousingCondition.FAIR;
import static uz.inson.assess.household.HousingTenure.RENTED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-legal-aid.drl.xlsx */
@QuarkusTest
class LegalAidTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-legal-aid.drl.xlsx";
    }

    @Test
    void aLowIncomeDivorcedMotherRentingARoomGetsFreeLegalAidAlimonyRecoveryAndEvictionProtection() {
        var services = servicesFromThisTable(household().housing(RENTED, FAIR, true).wages(1_000_000)
                .member("mother", "1993-03-03", F, HEAD, EMPLOYED_INFORMAL)
                .child("son", "2017-08-15", M)
                .child("daughter", "2021-12-01", F).build());
        assertTrue(services.containsAll(Set.of("LEG-001", "LEG-002", "LEG-004", "LEG-011", "LEG-012")), services.toString());
    }

    @Test
    void aWellOffMarriedCoupleGetsAPrimaryConsultationButNoFreeStateLegalAid() {
        var services = servicesFromThisTable(household().wages(10_000_000).car()
                .member("husband", "1982-05-05", M, HEAD, EMPLOYED_FORMAL)
                .member("wife", "1985-09-19", F, SPOUSE, EMPLOYED_FORMAL)
                .child("son", "2012-02-02", M).build());
        assertTrue(services.contains("LEG-001"), services.toString());
        assertFalse(services.contains("LEG-002"), services.toString());
        assertFalse(services.contains("LEG-004"), services.toString());
        assertFalse(services.contains("LEG-015"), services.toString());
    }
}
