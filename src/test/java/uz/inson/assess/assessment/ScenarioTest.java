package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uz.inson.assess.rules.ActiveRuleSet;

import java.io.IOException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario file kept with the rule set (decision-tables/scenarios) passes: one test per scenario, named by its sentence. */
@QuarkusTest
class ScenarioTest {
    @Inject
    ActiveRuleSet active;
    @Inject
    ScenarioRunner runner;

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheActiveRuleSetPasses() throws IOException {
        var outcomes = runner.run(active.get());
        assertTrue(outcomes.size() >= 30, "at least 30 scenario households, found " + outcomes.size());
        return outcomes.stream().map(outcome -> DynamicTest.dynamicTest(outcome.scenario().name(),
                () -> assertTrue(outcome.passed(), outcome.file() + " #" + (outcome.index() + 1) + ": " + outcome.mismatches())));
    }
}
