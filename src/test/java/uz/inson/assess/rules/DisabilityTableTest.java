package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.CHILD_DISABILITY;
import static uz.inson.assess.household.DisabilityGroup.I;
import static uz.inson.assess.household.DisabilityGroup.II;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.Impairment.HEARING;
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
    void suppliesForTheBedriddenGoOnlyToThoseWhoNeedHelpWithAlmostEverythingAndAreNoLongerInfants() {
        var atWork = servicesFromThisTable(household().wages(3_000_000)
                .member("her", "2000-03-08", F, HEAD, EMPLOYED_FORMAL, II).impairments(MOBILITY).careNeed(60, null).build());
        assertFalse(atWork.contains("DIS-005") || atWork.contains("DIS-006") || atWork.contains("DIS-013"),
                "a woman who goes to work (Barthel 60) is not bedridden nor unable to leave home: " + atWork);
        var bedridden = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1968-01-20", M, HEAD, PENSIONER, I).impairments(MOBILITY).careNeed(40, null).build());
        assertTrue(bedridden.containsAll(Set.of("DIS-005", "DIS-006", "DIS-013")), bedridden.toString());
        var baby = servicesFromThisTable(household().wages(3_000_000)
                .member("father", "1995-02-10", M, HEAD, EMPLOYED_INFORMAL)
                .child("daughter", "2025-12-01", F, CHILD_DISABILITY).impairments(MOBILITY).careNeed(10, null).build());
        assertFalse(baby.contains("DIS-005") || baby.contains("DIS-006"), "every baby wears nappies and sleeps in a cot: " + baby);
        assertTrue(baby.contains("DIS-013"), baby.toString());
    }

    @Test
    void aDeafToddlerGetsHearingAidsButNoInterpreterOrVibratingAlarmClockWhichStartAtSixLikeVideoInterpreting() {
        var toddler = servicesFromThisTable(household().wages(1_500_000)
                .member("mother", "1995-04-02", F, HEAD, HOMEMAKER)
                .child("son", "2024-06-10", M, CHILD_DISABILITY).impairments(HEARING).build());
        assertTrue(toddler.contains("DIS-003"), toddler.toString());
        assertFalse(toddler.contains("DIS-012") || toddler.contains("DIS-023"), toddler.toString());
        var schoolboy = servicesFromThisTable(household().wages(1_500_000)
                .member("mother", "1985-04-02", F, HEAD, HOMEMAKER)
                .child("son", "2016-06-10", M, CHILD_DISABILITY).impairments(HEARING).build());
        assertTrue(schoolboy.containsAll(Set.of("DIS-003", "DIS-012", "DIS-023")), schoolboy.toString());
    }

    @Test
    void aHealthyPensionerLivingAloneGetsNothingForDisabilitiesSheDoesNotHave() {
        var services = servicesFromThisTable(household().pensions(1_650_000)
                .member("her", "1968-05-14", F, HEAD, PENSIONER).build());
        assertTrue(services.isEmpty(), services.toString());
    }

}
