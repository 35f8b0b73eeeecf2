package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.MemberFlag.DOMESTIC_VIOLENCE_VICTIM;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-psychological-help.drl.xlsx */
@QuarkusTest
class PsychologicalHelpTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-psychological-help.drl.xlsx";
    }

    @Test
    void aMotherWhoLeftAViolentHusbandGetsRehabilitationForSurvivorsAndTheParentingSchool() {
        var services = servicesFromThisTable(household().wages(1_400_000)
                .member("mother", "1990-10-10", F, HEAD, EMPLOYED_INFORMAL, DOMESTIC_VIOLENCE_VICTIM)
                .child("daughter", "2015-06-06", F)
                .child("son", "2019-02-22", M).build());
        assertTrue(services.containsAll(Set.of("PSY-001", "PSY-003", "PSY-018")), services.toString());
    }

    @Test
    void aComfortableTwoParentFamilyGetsFamilyCounsellingButNotTheParentingSchool() {
        var services = servicesFromThisTable(household().wages(9_500_000)
                .member("father", "1986-07-07", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1990-10-10", F, SPOUSE, EMPLOYED_FORMAL)
                .child("daughter", "2015-06-06", F)
                .child("son", "2019-02-22", M).build());
        assertTrue(services.containsAll(Set.of("PSY-001", "PSY-005")), services.toString());
        assertFalse(services.contains("PSY-003"), services.toString());
        assertFalse(services.contains("PSY-018"), services.toString());
    }
}
