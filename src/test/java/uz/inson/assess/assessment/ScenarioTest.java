package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uz.inson.assess.rules.ActiveRuleSet;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario file kept with the rule set (decision-tables/scenarios) passes: one test per scenario, named by its sentence. */
@QuarkusTest
class ScenarioTest {
    @Inject
    ActiveRuleSet active;
    @Inject
    ScenarioRunner runner;
    @Inject
    AssessmentEngine engine;

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheActiveRuleSetPasses() throws IOException {
        var outcomes = runner.run(active.get());
        assertTrue(outcomes.size() >= 70, "at least 70 scenario households, found " + outcomes.size());
        return outcomes.stream().map(outcome -> DynamicTest.dynamicTest(outcome.scenario().name(),
                () -> assertTrue(outcome.passed(), outcome.file() + " #" + (outcome.index() + 1) + ": " + outcome.mismatches())));
    }

    /** The impact analysis compares decisions without sentences; they must be exactly what a full assessment decides. */
    @Test
    void aDecisionWithoutExplanationsIsTheFullAssessmentsDecision() throws IOException {
        for (ScenarioRunner.Outcome outcome : runner.run(active.get())) {
            AssessmentResult full = outcome.actual();
            String name = outcome.scenario().name();
            // what impact analysis and batch decisions use: the same decision, without the questions to ask
            for (Decision decision : List.of(engine.decide(active.get(), outcome.scenario().household(), outcome.scenario().asOf()),
                    engine.decideWithoutQuestions(active.get(), outcome.scenario().household(), outcome.scenario().asOf()))) {
                assertEquals(full.eligibleServices().stream().map(AssessmentResult.EligibleService::code).collect(Collectors.toSet()),
                        decision.serviceCodes(), name);
                assertEquals(full.riskLevel(), decision.riskLevel(), name);
                assertEquals(full.casePath().code(), decision.casePathCode(), name);
                assertEquals(full.cashPackage().monthlyCashUzs(), decision.monthlyCashUzs(), name);
                assertEquals(full.cashPackage().oneOffCashUzs(), decision.cashPackage().oneOffCashUzs(), name);
                assertEquals(full.cashPackage().yearlyCashUzs(), decision.cashPackage().yearlyCashUzs(), name);
            }
        }
    }
}
