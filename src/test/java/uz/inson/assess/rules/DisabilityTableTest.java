package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.CHILD_DISABILITY;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.Impairment.MOBILITY;
import static uz.inson.assess.household.MemberFlag.NEEDS_CARE;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-disability.drl.xlsx */
@QuarkusTest
class DisabilityTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-disability.drl.xlsx";
    }

    @Test
    void aGirlWithADisabilityWhoCannotWalkAndNeedsHelpWithEverythingGetsMobilityAidsRehabilitationAndRespite() {
        var services = servicesFromThisTable(household().wages(1_500_000)
                .member("father", "1988-02-10", M, HEAD, EMPLOYED_INFORMAL)
                .member("mother", "1991-06-21", F, SPOUSE, HOMEMAKER)
                .child("daughter", "2019-05-14", F, CHILD_DISABILITY, NEEDS_CARE).impairments(MOBILITY).careNeed(35, null).build());
        assertTrue(services.containsAll(Set.of("DIS-001", "DIS-002", "DIS-008", "DIS-014", "DIS-016", "DIS-018")), services.toString());
        assertFalse(services.contains("DIS-003"), "no hearing aids without a hearing impairment: " + services);
        assertFalse(services.contains("DIS-004"), "no white cane without a visual impairment: " + services);
        assertFalse(services.contains("DIS-012"), "no sign language without a hearing impairment: " + services);
    }

    @Test
    void aHealthyPensionerLivingAloneGetsNothingForDisabilitiesSheDoesNotHave() {
        var services = servicesFromThisTable(household().pensions(1_650_000)
                .member("her", "1968-05-14", F, HEAD, PENSIONER).build());
        assertTrue(services.isEmpty(), services.toString());
    }

}
