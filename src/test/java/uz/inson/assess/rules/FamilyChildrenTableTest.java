package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-family-children.drl.xlsx */
@QuarkusTest
class FamilyChildrenTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-family-children.drl.xlsx";
    }

    @Test
    void aLowIncomeSingleMotherWithABabyGetsChildcareAllowanceANewbornKitAndTheSingleParentSupplement() {
        var services = servicesFromThisTable(household().wages(600_000)
                .member("mother", "1995-09-09", F, HEAD, UNEMPLOYED)
                .child("son", "2020-03-11", M)
                .child("baby", "2026-05-02", F).build());
        assertTrue(services.containsAll(Set.of("FAM-002", "FAM-003", "FAM-004", "FAM-008", "FAM-017")), services.toString());
    }

    @Test
    void theSameChildrenWithTwoWellPaidParentsGetMediationButNoMeansTestedFamilySupport() {
        var services = servicesFromThisTable(household().wages(9_000_000)
                .member("father", "1992-01-20", M, HEAD, EMPLOYED_FORMAL)
                .member("mother", "1995-09-09", F, SPOUSE, EMPLOYED_FORMAL)
                .child("son", "2020-03-11", M)
                .child("baby", "2026-05-02", F).build());
        assertTrue(services.contains("FAM-006"), services.toString());
        assertFalse(services.contains("FAM-002"), services.toString());
        assertFalse(services.contains("FAM-003"), services.toString());
        assertFalse(services.contains("FAM-004"), services.toString());
    }
}
