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
            compare(file, scenario.expected(), actual, mismatches);
        } catch (ProblemException e) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-not-assessed", e.getMessage()));
        }
        return new Outcome(file, index, scenario, actual, mismatches);
    }

    private static void compare(String file, Scenario.Expected expected, AssessmentResult actual, List<RuleSetProblem> mismatches) {
        Map<String, AssessmentResult.EligibleService> granted = new java.util.LinkedHashMap<>();
        actual.eligibleServices().forEach(s -> granted.put(s.code(), s));
        for (String code : expected.services()) {
            if (!granted.containsKey(code)) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-service-missing", code));
            }
        }
        for (String code : expected.absentServices()) {
            if (granted.containsKey(code)) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-service-unwanted", code));
            }
        }
        if (expected.riskLevel() != null && !expected.riskLevel().equals(actual.riskLevel())) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-risk-level", expected.riskLevel(), actual.riskLevel(), actual.riskScore()));
        }
        if (expected.casePath() != null && !expected.casePath().equals(actual.casePath().code())) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-case-path", expected.casePath(), actual.casePath().code()));
        }
        if (expected.needs() != null) {
            java.util.Set<String> areas = new java.util.TreeSet<>();
            actual.needs().forEach(n -> areas.add(n.area()));
            if (!areas.equals(new java.util.TreeSet<>(expected.needs()))) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-needs", new java.util.TreeSet<>(expected.needs()), areas));
            }
        }
        expected.amounts().forEach((code, amount) -> {
            AssessmentResult.EligibleService service = granted.get(code);
            if (service == null || !amount.equals(service.amountUzs())) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-amount", code, amount, service == null ? "—" : service.amountUzs()));
            }
        });
        expected.beneficiaries().forEach((code, refs) -> {
            AssessmentResult.EligibleService service = granted.get(code);
            if (service == null || !refs.equals(service.beneficiaries())) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-beneficiaries", code, refs, service == null ? "—" : service.beneficiaries()));
            }
        });
        Scenario.Package pinned = expected.cashPackage();
        if (pinned != null) {
            AssessmentResult.CashPackageResult cash = actual.cashPackage();
            checkFigure(file, "monthlyCashUzs", pinned.monthlyCashUzs(), cash.monthlyCashUzs(), mismatches);
            checkFigure(file, "oneOffCashUzs", pinned.oneOffCashUzs(), cash.oneOffCashUzs(), mismatches);
            checkFigure(file, "yearlyCashUzs", pinned.yearlyCashUzs(), cash.yearlyCashUzs(), mismatches);
        }
        java.util.Set<String> asked = new java.util.HashSet<>();
        actual.questions().forEach(q -> asked.add(q.fact()));
        for (String fact : expected.questions()) {
            if (!asked.contains(fact)) {
                mismatches.add(RuleSetProblem.inFile(file, "scenario-question-missing", fact));
            }
        }
        if (expected.meansTest() != null && !expected.meansTest().equals(actual.meansTest().outcome())) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-means-test", expected.meansTest(), actual.meansTest().outcome()));
        }
    }

    private static void checkFigure(String file, String name, Long expected, long actual, List<RuleSetProblem> mismatches) {
        if (expected != null && expected != actual) {
            mismatches.add(RuleSetProblem.inFile(file, "scenario-package", name, expected, actual));
        }
    }
}
