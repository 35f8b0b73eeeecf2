package uz.inson.assess.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** decision-tables/parameters.drl.xlsx: asOf picks the value in force on that date. */
@QuarkusTest
class ParametersTableTest {
    private static final Household FAMILY = household().wages(1_300_000)
            .member("mother", "1990-01-01", F, HEAD, UNEMPLOYED)
            .child("son", "2019-01-01", M).build();

    @Inject
    ActiveRuleSet active;

    private Optional<Double> msl(LocalDate asOf) {
        return active.get().evaluate(FAMILY, asOf).parameter("MSL");
    }

    @Test
    void theMinimumSubsistenceLevelChangesOnTheFirstOfFebruary2026() {
        assertEquals(648_000.0, msl(LocalDate.of(2026, 1, 31)).orElseThrow());
        assertEquals(720_000.0, msl(LocalDate.of(2026, 2, 1)).orElseThrow());
    }

    @Test
    void theSameHouseholdIsLowIncomeUnderTheNewMinimumButAtRiskUnderTheOld() {
        assertEquals("AT_RISK_OF_POVERTY", active.get().evaluate(FAMILY, LocalDate.of(2025, 6, 1)).household().getRegistryCategory());
        assertEquals("LOW_INCOME", active.get().evaluate(FAMILY, LocalDate.of(2026, 6, 1)).household().getRegistryCategory());
    }

    @Test
    void everyParameterOfTheTableHasAValueOnAnyDateInTheCoveredPeriod() {
        DecisionTable table = active.get().tables().stream().filter(t -> t.file().equals("parameters.drl.xlsx")).findFirst().orElseThrow();
        DecisionTable.Column name = table.columns().stream().filter(c -> c.header().equals("Parameter")).findFirst().orElseThrow();
        Set<String> names = table.rows().stream().map(row -> row.cell(name)).collect(Collectors.toSet());
        for (LocalDate date = LocalDate.of(2023, 6, 1); date.isBefore(LocalDate.of(2028, 1, 1)); date = date.plusDays(45)) {
            RuleOutcome outcome = active.get().evaluate(FAMILY, date);
            assertEquals(names, outcome.parameters().keySet(), "on " + date);
        }
    }

    @Test
    void theValuesOfADateAreWorkedOutOnceAndSharedByEveryHouseholdAssessedOnIt() {
        LocalDate date = LocalDate.of(2026, 3, 17);
        Household other = household().pensions(900_000).member("grandmother", "1950-05-05", F, HEAD, UNEMPLOYED).build();
        RuleOutcome first = active.get().evaluate(FAMILY, date);
        RuleOutcome second = active.get().evaluate(other, date);
        assertEquals(first.parameters().keySet(), second.parameters().keySet());
        first.parameters().forEach((name, parameter) -> assertSame(parameter, second.parameters().get(name), name));
        // the profiles were built from them: the grandmother's household is measured against the same minimum
        assertEquals(720_000L, second.household().getMsl());
    }

    @Test
    void thereAreNoValuesBeforeTheTablesStart() {
        assertFalse(msl(LocalDate.of(2023, 5, 31)).isPresent());
    }

    @Test
    void anAssessmentBeforeTheTablesStartIsRefusedWith422() {
        Auth.as("integration").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"asOf\": \"2026-11-25\"", "\"asOf\": \"2023-01-10\""))
                .post("/api/v1/assessments").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("no-parameters-in-force")).body("violations[0].field", equalTo("asOf"));
    }
}
