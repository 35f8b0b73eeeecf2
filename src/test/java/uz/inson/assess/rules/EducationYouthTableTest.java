package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.STUDENT;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-education-youth.drl.xlsx */
@QuarkusTest
class EducationYouthTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-education-youth.drl.xlsx";
    }

    @Test
    void schoolChildrenOfALowIncomeFamilyGetUniformsAndHotMeals() {
        var services = servicesFromThisTable(household().wages(1_600_000)
                .member("father", "1985-01-25", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1987-05-30", F, SPOUSE, HOMEMAKER)
                .child("son", "2014-02-17", M)
                .child("daughter", "2017-10-04", F).build());
        assertTrue(services.containsAll(Set.of("EDU-001", "EDU-012")), services.toString());
    }

    @Test
    void aUniversityStudentFromAWellOffFamilyGetsNoTuitionCompensationOrEducationLoan() {
        var services = servicesFromThisTable(household().wages(11_000_000).car()
                .member("father", "1976-03-14", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1979-08-08", F, SPOUSE, EMPLOYED_FORMAL)
                .member("student", "2006-05-01", F, uz.inson.assess.household.Relation.CHILD, STUDENT).build());
        assertFalse(services.contains("EDU-003"), services.toString());
        assertFalse(services.contains("EDU-004"), services.toString());
    }

}
