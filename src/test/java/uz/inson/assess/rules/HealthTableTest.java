package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.HOMEMAKER;
import static uz.inson.assess.household.MemberFlag.CHRONIC_ILLNESS;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-health.drl.xlsx */
@QuarkusTest
class HealthTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-health.drl.xlsx";
    }

    @Test
    void aLowIncomeFamilyExpectingASecondBabyGetsPregnancyVitaminsInfantFoodAndANewbornKit() {
        var services = servicesFromThisTable(household().wages(1_800_000)
                .member("father", "1993-03-02", M, HEAD, EMPLOYED_INFORMAL)
                .pregnant("mother", "1997-11-15", SPOUSE, HOMEMAKER)
                .child("baby", "2026-04-20", M).build());
        assertTrue(services.containsAll(Set.of("HLT-006", "HLT-007", "HLT-019")), services.toString());
    }

    @Test
    void aWellOffEngineerWithDiabetesGetsHealthAdviceButNoFreeMedicinesOrPaidTreatment() {
        var services = servicesFromThisTable(household().wages(12_000_000).car()
                .member("engineer", "1975-08-30", M, HEAD, EMPLOYED_FORMAL, CHRONIC_ILLNESS)
                .member("wife", "1978-01-12", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.contains("HLT-021"), services.toString());
        assertFalse(services.contains("HLT-001"), services.toString());
        assertFalse(services.contains("HLT-016"), services.toString());
        assertFalse(services.contains("HLT-017"), services.toString());
    }
}
