package uz.inson.assess.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a bundle's scenario files ({@code decision-tables/scenarios/*.yaml}) and checks each against the rules. */
@ApplicationScoped
public class ScenarioRunner {
    public static final String DIRECTORY = RuleSetBundle.TABLES_DIR + "/scenarios";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AssessmentEngine engine;

    ScenarioRunner(AssessmentEngine engine) {
        this.engine = engine;
    }

    /** One scenario as run: where it is, what it expected, what the rules said, and every mismatch in words. */
    public record Outcome(String file, int index, Scenario scenario, AssessmentResult actual, List<RuleSetProblem> mismatches) {
        public boolean passed() {
            return mismatches.isEmpty();
        }
    }

    public static List<Scenario> read(String file, byte[] yaml) throws IOException {
        return YAML.readValue(yaml, new TypeReference<List<Scenario>>() { });
    }

    public List<Outcome> run(CompiledRuleSet ruleSet) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : ruleSet.bundle().filesUnder(DIRECTORY, ".yaml").entrySet()) {
            List<Scenario> scenarios = read(file.getKey(), file.getValue());
            for (int i = 0; i < scenarios.size(); i++) {
                outcomes.add(run(ruleSet, file.getKey(), i, scenarios.get(i)));
            }
        }
        return outcomes;
    }

    public Outcome run(CompiledRuleSet ruleSet, String file, int index, Scenario scenario) {
        List<RuleSetProblem> mismatches = new ArrayList<>();
        AssessmentResult actual = null;
        try {
            actual = engine.assess(ruleSet, scenario.household(), scenario.asOf(), Language.en, false);
            List<String> granted = actual.eligibleServices().stream().map(AssessmentResult.EligibleService::code).toList();
            for (String code : scenario.expected().services()) {
                if (!granted.contains(code)) {
                    mismatches.add(RuleSetProblem.inFile(file, "scenario-service-missing", code));
                }
            }
            for (String code : scenario.expected().absentServices()) {
                if (granted.contains(code)) {
                    mismatches.add(RuleSetProblem.inFile(file, "scenario-service-unwanted", code));
                }
            }
            if (scenario.expected().riskLevel() != null && !scenario.expected().riskLevel().equals(actual.riskLevel())) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-risk-level", scenario.expected().riskLevel(), actual.riskLevel(), actual.riskScore()));
            }
            if (scenario.expected().casePath() != null && !scenario.expected().casePath().equals(actual.casePath().code())) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-case-path", scenario.expected().casePath(), actual.casePath().code()));
            }
        } catch (ProblemException e) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-not-assessed", e.getMessage()));
        }
        return new Outcome(file, index, scenario, actual, mismatches);
    }
}
