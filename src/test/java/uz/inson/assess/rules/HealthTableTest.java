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
import static uz.inson.assess.household.MemberFlag.DIABETES;
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
    void aFatherWithDiabetesInALowIncomeFamilyGetsFreeMedicinesAndTherapeuticFoodButNoDialysisTransport() {
        var services = servicesFromThisTable(household().wages(1_800_000)
                .member("father", "1975-03-01", M, HEAD, EMPLOYED_INFORMAL, CHRONIC_ILLNESS, DIABETES)
                .member("mother", "1979-07-01", F, SPOUSE, HOMEMAKER)
                .child("son", "2012-01-01", M).build());
        assertTrue(services.containsAll(Set.of("HLT-001", "HLT-011")), services.toString());
        assertFalse(services.contains("HLT-017"), services.toString());
    }

    @Test
    void aPregnantWomanOnALowIncomeGetsVitaminsButNotWhenTheFamilyIsWellOff() {
        var poor = servicesFromThisTable(household().wages(1_200_000)
                .member("husband", "1996-01-01", M, HEAD, EMPLOYED_INFORMAL)
                .pregnant("wife", "1999-01-01", SPOUSE, HOMEMAKER).build());
        assertTrue(poor.contains("HLT-006"), poor.toString());
        var wellOff = servicesFromThisTable(household().wages(9_000_000)
                .member("husband", "1996-01-01", M, HEAD, EMPLOYED_FORMAL)
                .pregnant("wife", "1999-01-01", SPOUSE, EMPLOYED_FORMAL).build());
        assertFalse(wellOff.contains("HLT-006"), wellOff.toString());
    }

}
