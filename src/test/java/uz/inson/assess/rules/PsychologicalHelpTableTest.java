package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.II;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.Employment.UNABLE_TO_WORK;
import static uz.inson.assess.household.HousingCondition.FAIR;
import static uz.inson.assess.household.HousingTenure.LIVING_WITH_RELATIVES;
import static uz.inson.assess.household.MemberFlag.DOMESTIC_VIOLENCE_VICTIM;
import static uz.inson.assess.household.Relation.HEAD;
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
    void aMotherWhoSufferedViolenceGetsRehabilitationAndHerChildAConsultation() {
        var services = servicesFromThisTable(household().wages(1_000_000).housing(LIVING_WITH_RELATIVES, FAIR, true)
                .member("mother", "1996-01-01", F, HEAD, HOMEMAKER, DOMESTIC_VIOLENCE_VICTIM)
                .child("son", "2018-01-01", M).build());
        assertTrue(services.containsAll(Set.of("PSY-001", "PSY-003")), services.toString());
    }

    @Test
    void adaptationSupportGoesToThoseFirstRecognisedAsDisabledWithinTheYear() {
        // AS_OF, the case date of these tests, is 2026-11-25
        var recent = servicesFromThisTable(household().wages(3_000_000)
                .member("her", "1988-01-20", F, HEAD, UNABLE_TO_WORK, II).disabledSince("2026-04-14").build());
        assertTrue(recent.contains("PSY-012"), recent.toString());
        var longAgo = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1980-04-02", M, HEAD, UNABLE_TO_WORK, II).disabledSince("1991-09-16").build());
        assertFalse(longAgo.contains("PSY-012"), longAgo.toString());
        var justOverAYear = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1980-04-02", M, HEAD, UNABLE_TO_WORK, II).disabledSince("2025-11-24").build());
        assertFalse(justOverAYear.contains("PSY-012"), justOverAYear.toString());
        var notAsked = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1980-04-02", M, HEAD, UNABLE_TO_WORK, II).build());
        assertFalse(notAsked.contains("PSY-012"), notAsked.toString());
    }

    @Test
    void aManLivingAloneGetsNoFamilyMediation() {
        var services = servicesFromThisTable(household().wages(3_000_000)
                .member("him", "1980-01-01", M, HEAD, EMPLOYED_FORMAL).build());
        assertFalse(services.contains("PSY-005"), services.toString());
        assertFalse(services.contains("PSY-018"), services.toString());
    }

}
