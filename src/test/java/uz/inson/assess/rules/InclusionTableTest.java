package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.DisabilityGroup.II;
import static uz.inson.assess.household.DisabilityGroup.III;
import static uz.inson.assess.household.Employment.EMPLOYED_FORMAL;
import static uz.inson.assess.household.Employment.UNABLE_TO_WORK;
import static uz.inson.assess.household.Impairment.MOBILITY;
import static uz.inson.assess.household.Impairment.VISION;
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
    void aBlindManGetsBrailleAndScreenReadersButNothingMeantForDeafOrImmobilePeople() {
        var services = servicesFromThisTable(household().pensions(1_100_000).wages(2_000_000)
                .member("him", "1980-04-04", M, HEAD, UNABLE_TO_WORK, II).impairments(VISION)
                .member("wife", "1983-04-04", F, SPOUSE, EMPLOYED_FORMAL).build());
        assertTrue(services.containsAll(Set.of("INC-003", "INC-013")), services.toString());
        assertFalse(services.contains("INC-022"), services.toString());
        assertFalse(services.contains("INC-001"), services.toString());
    }

    @Test
    void anEmployeeWithAGroupThreeDisabilityGetsWorkplaceAdaptationButNotAnAccompanyingAssistant() {
        var services = servicesFromThisTable(household().wages(5_000_000)
                .member("her", "1985-04-04", F, HEAD, EMPLOYED_FORMAL, III).impairments(MOBILITY).build());
        assertTrue(services.contains("INC-010"), services.toString());
        assertFalse(services.contains("INC-014"), services.toString());
    }

}
