package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.EMPLOYED_INFORMAL;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.MemberFlag.ALIMONY_UNPAID;
import static uz.inson.assess.household.MemberFlag.ORPHAN;
import static uz.inson.assess.household.Relation.GRANDCHILD;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-legal-aid.drl.xlsx */
@QuarkusTest
class LegalAidTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-legal-aid.drl.xlsx";
    }

    @Test
    void aSingleMotherWhoseChildSupportIsUnpaidGetsHelpRecoveringIt() {
        var services = servicesFromThisTable(household().wages(1_800_000)
                .member("mother", "1990-01-01", F, HEAD, EMPLOYED_INFORMAL, ALIMONY_UNPAID)
                .child("son", "2016-01-01", M).build());
        assertTrue(services.contains("LEG-004"), services.toString());
    }

    @Test
    void anOrphanWithAGuardianGetsTheGuardiansLegalHelpAndNoAlimonyPaternityOrCourtRepresentation() {
        var services = servicesFromThisTable(household().pensions(1_400_000)
                .member("grandmother", "1959-02-20", F, HEAD, PENSIONER)
                .member("girl", "2012-09-03", F, GRANDCHILD, uz.inson.assess.household.Employment.CHILD, ORPHAN).guardian("grandmother").build());
        assertTrue(services.contains("LEG-020"), services.toString());
        assertFalse(services.contains("LEG-004"), services.toString());
        assertFalse(services.contains("LEG-012"), services.toString());
        assertFalse(services.contains("LEG-006"), services.toString());
    }

}
