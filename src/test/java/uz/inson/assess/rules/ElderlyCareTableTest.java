package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.PENSIONER;
import static uz.inson.assess.household.MemberFlag.LONELY_ELDERLY;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Relation.SPOUSE;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/eligibility-elderly-care.drl.xlsx */
@QuarkusTest
class ElderlyCareTableTest extends EligibilityTableTest {

    @Override
    String file() {
        return "eligibility-elderly-care.drl.xlsx";
    }

    @Test
    void aLonelyWidowOfSeventyEightWhoNeedsSomeHelpGetsMealsHouseworkHelpAndAnAlarmButNoCareHome() {
        var services = servicesFromThisTable(household().pensions(900_000)
                .member("widow", "1948-02-03", F, HEAD, PENSIONER, LONELY_ELDERLY).careNeed(75, 5).build());
        assertTrue(services.containsAll(Set.of("ELD-004", "ELD-012", "ELD-014", "ELD-018")), services.toString());
        assertFalse(services.contains("ELD-005"), services.toString());
    }

    @Test
    void aBedriddenWidowWithNobodyToCareForHerGetsHomeCareAndACareHomePlace() {
        var services = servicesFromThisTable(household().pensions(900_000)
                .member("widow", "1944-02-03", F, HEAD, PENSIONER, LONELY_ELDERLY).careNeed(20, 0).build());
        assertTrue(services.containsAll(Set.of("ELD-001", "ELD-005")), services.toString());
    }

    @Test
    void aPensionerCoupleOnGoodPensionsNeedsNoHomeCare() {
        var services = servicesFromThisTable(household().pensions(4_000_000)
                .member("husband", "1955-06-19", M, HEAD, PENSIONER)
                .member("wife", "1958-11-27", F, SPOUSE, PENSIONER).build());
        assertTrue(services.isEmpty(), services.toString());
    }

}
