package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import uz.inson.assess.rules.facts.Grant;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.PARENT;
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
    void aRegisteredJobSeekerGetsTheUnemploymentBenefitAndTrainingButNoSecondRegistration() {
        var services = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1990-05-05", M, HEAD, UNEMPLOYED).jobSeeker(true)
                .member("wife", "1992-05-05", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.containsAll(Set.of("EMP-002", "EMP-003")), services.toString());
        assertFalse(services.contains("EMP-001"), services.toString());
    }

    @Test
    void aSeventySixYearOldPensionerIsOfferedNoJobsTrainingOrCareerGuidance() {
        var services = servicesFromThisTable(household().pensions(1_500_000)
                .member("him", "1950-01-30", M, HEAD, PENSIONER).build());
        assertTrue(services.isEmpty(), services.toString());
    }

    @Test
    void seedsForTheHouseholdPlotGoToLowIncomeFamiliesWithAPlotNotToThoseInAFlat() {
        var inAFlat = servicesFromThisTable(household().wages(1_000_000).assets(false, 0, 0, false)
                .member("him", "1985-03-01", M, HEAD, UNEMPLOYED).member("her", "1987-07-12", F, SPOUSE, UNEMPLOYED).build());
        assertFalse(inAFlat.contains("EMP-026"), "no plot to sow: " + inAFlat);
        var withAPlot = servicesFromThisTable(household().wages(1_000_000).assets(false, 600, 0, false)
                .member("him", "1985-03-01", M, HEAD, UNEMPLOYED).member("her", "1987-07-12", F, SPOUSE, UNEMPLOYED).build());
        assertTrue(withAPlot.contains("EMP-026"), withAPlot.toString());
    }

    @Test
    void helpToRegisterAsSelfEmployedGoesToInformalWorkersOfWorkingAgeNotToTheirGrandfatherOf88() {
        var household = household().wages(1_200_000).pensions(900_000)
                .member("son", "1990-04-11", M, HEAD, EMPLOYED_INFORMAL)
                .member("grandfather", "1938-02-19", M, PARENT, EMPLOYED_INFORMAL).build();
        var helped = active.get().evaluate(household, AS_OF).grants().stream()
                .filter(grant -> grant.serviceCode().equals("EMP-022")).map(Grant::memberRef).toList();
        assertEquals(List.of("son"), helped);
    }

}
