package uz.inson.assess.rules;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.assessment.Scenario;
import uz.inson.assess.assessment.ScenarioRunner;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.PersonProfile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every eligibility table must satisfy; one subclass per table adds the table's own cases. The scenario
 * households of the bundle are the population the checks run over.
 */
abstract class EligibilityTableTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    @Inject
    ActiveRuleSet active;

    /** The table's file name, e.g. {@code eligibility-cash-benefits.drl.xlsx}. */
    abstract String file();

    DecisionTable table() {
        return active.get().tables().stream().filter(t -> t.file().equals(file())).findFirst().orElseThrow();
    }

    /** The services the household gets from this table's rows. */
    Set<String> servicesFromThisTable(Household household) {
        Set<String> rules = new HashSet<>();
        table().rows().forEach(row -> rules.add(row.rule()));
        Set<String> services = new TreeSet<>();
        for (Grant grant : active.get().evaluate(household, AS_OF).grants()) {
            if (rules.contains(grant.rule())) {
                services.add(grant.serviceCode());
            }
        }
        return services;
    }

    private List<Scenario> scenarios() throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : active.get().bundle().filesUnder(ScenarioRunner.DIRECTORY, ".yaml").entrySet()) {
            scenarios.addAll(ScenarioRunner.read(file.getKey(), file.getValue()));
        }
        return scenarios;
    }

    @Test
    void everyRowOfTheTableFiresForSomeScenarioHousehold() throws IOException {
        Set<String> fired = new HashSet<>();
        for (Scenario scenario : scenarios()) {
            active.get().evaluate(scenario.household(), scenario.asOf()).grants().forEach(grant -> fired.add(grant.rule()));
        }
        List<Integer> neverFired = table().rows().stream().filter(row -> !fired.contains(row.rule())).map(DecisionTable.Row::number).toList();
        assertTrue(neverFired.isEmpty(), file() + ": rows no scenario household reaches: " + neverFired);
    }

    /** The sentences and near misses are computed from the cells; they must decide exactly as Drools does. */
    @Test
    void theCellByCellReadingAgreesWithDroolsForEveryScenarioHousehold() throws IOException {
        DecisionTable table = table();
        for (Scenario scenario : scenarios()) {
            RuleOutcome outcome = active.get().evaluate(scenario.household(), scenario.asOf());
            Set<String> byDrools = new TreeSet<>();
            outcome.grants().stream().filter(g -> g.rule().startsWith(table.name() + "_"))
                    .forEach(g -> byDrools.add(g.rule() + "/" + g.memberRef()));
            Set<String> byCells = new TreeSet<>();
            for (DecisionTable.Row row : table.rows()) {
                List<PersonProfile> people = table.concernsAMember(row) ? List.copyOf(outcome.people().values()) : java.util.Collections.singletonList(null);
                for (PersonProfile person : people) {
                    Criterion.Subject subject = new Criterion.Subject(outcome.household(), person, outcome.risk(), outcome.needs());
                    boolean holds = table.columns().stream().filter(c -> "CONDITION".equals(c.type()) && !row.cell(c).isEmpty())
                            .allMatch(c -> Criterion.forTemplate(c.template()).orElseThrow().holds(row.cell(c), subject));
                    if (holds) {
                        byCells.add(row.rule() + "/" + (person == null ? null : person.getRef()));
                    }
                }
            }
            assertEquals(byDrools, byCells, scenario.name());
        }
    }

    @Test
    void everyColumnUsesTheKnownConditionVocabulary() {
        for (DecisionTable.Column column : table().columns()) {
            if ("CONDITION".equals(column.type())) {
                assertFalse(Criterion.forTemplate(column.template()).isEmpty(), file() + " column " + column.letter() + ": " + column.template());
            }
        }
    }
}
