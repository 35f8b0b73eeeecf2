package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.I;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.UNABLE_TO_WORK;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-inclusion.drl.xlsx */
@QuarkusTest
class InclusionTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-inclusion.drl.xlsx";
    }

    @Test
    void aManWithGroupOneDisabilityInAFamilyWithoutACarGetsHomeAdaptationAnAssistantAndTheSocialTaxi() {
        var services = servicesFromThisTable(household().wages(3_500_000).pensions(1_200_000)
                .member("husband", "1978-09-09", M, HEAD, UNABLE_TO_WORK, I)
                .member("wife", "1981-02-14", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.containsAll(Set.of("INC-001", "INC-004", "INC-005", "INC-014")), services.toString());
    }

    @Test
    void theSameFamilyOwningACarGetsAParkingBadgeInsteadOfTheSocialTaxi() {
        var services = servicesFromThisTable(household().wages(3_500_000).pensions(1_200_000).car()
                .member("husband", "1978-09-09", M, HEAD, UNABLE_TO_WORK, I)
                .member("wife", "1981-02-14", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.contains("INC-015"), services.toString());
        assertFalse(services.contains("INC-005"), services.toString());
    }
}
