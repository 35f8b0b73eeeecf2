package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.MemberFlag.ADDICTION;
import static uz.inson.assess.household.MemberFlag.CHILD_ABUSE_VICTIM;
import static uz.inson.assess.household.MemberFlag.ORPHAN;
import static uz.inson.assess.household.Relation.GRANDCHILD;
import static uz.inson.assess.household.Relation.HEAD;
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
    void anOrphanLivingWithHerGuardianGrandmotherGetsTheGuardianshipAllowanceAndIsNeverPlacedElsewhere() {
        var services = servicesFromThisTable(household().pensions(1_400_000)
                .member("grandmother", "1959-02-20", F, HEAD, PENSIONER)
                .member("girl", "2012-09-03", F, GRANDCHILD, uz.inson.assess.household.Employment.CHILD, ORPHAN).guardian("grandmother").build());
        assertTrue(services.contains("FAM-001"), services.toString());
        assertFalse(services.contains("FAM-009"), services.toString());
        assertFalse(services.contains("FAM-008"), services.toString());
    }

    @Test
    void aChildAtRiskOfAbuseIsProtectedAndHerFamilyWorkedWithButNotPlacedInANewFamilyWhileAParentIsHome() {
        var services = servicesFromThisTable(household().wages(3_000_000)
                .member("father", "1985-01-01", M, HEAD, EMPLOYED_INFORMAL, ADDICTION)
                .child("boy", "2016-01-01", M, CHILD_ABUSE_VICTIM).build());
        assertTrue(services.containsAll(Set.of("FAM-008", "FAM-010")), services.toString());
        assertFalse(services.contains("FAM-009"), services.toString());
    }

}
