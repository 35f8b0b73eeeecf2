package uz.inson.assess.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.drools.base.common.DroolsObjectOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGobject;
import uz.inson.assess.common.Language;
import uz.inson.assess.household.Household;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.rules.CompiledForm;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;
import uz.inson.assess.rules.RuleSetInvalidException;
import uz.inson.assess.rules.SpreadsheetReads;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InvalidClassException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules read as compiled before (the build's form of the repository's, or a form kept by an earlier compile) answer
 * every household as the rules compiled from their DRL do, and a form is read only for the rules it was made from.
 */
class CompiledFormTest {
    private static final RuleSetBundle REPOSITORY = RuleSetBundle.fromDirectory(Path.of("."));
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final AssessmentEngine ENGINE = new AssessmentEngine(new AnswerWriter());

    private static CompiledRuleSet fromRules;

    @BeforeAll
    static void compileFromTheRules() throws RuleSetInvalidException {
        fromRules = new RuleSetCompiler(reads()).compile(REPOSITORY);
        assertFalse(fromRules.compile().compiledBefore());
    }

    private static SpreadsheetReads reads() {
        return SpreadsheetReads.packaged(CompiledFormTest.class.getClassLoader());
    }

    /** Forms kept in memory, as a database would keep them, with the keys asked for. */
    private static final class Kept implements CompiledForm.Store {
        final Map<String, byte[]> forms = new TreeMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public byte[] find(String key) {
            asked.add(key);
            return forms.get(key);
        }

        @Override
        public void keep(String key, byte[] form) {
            forms.put(key, form);
        }
    }

    @Test
    void theBuildsFormOfTheRepositoryAnswersEveryHouseholdAsItsRulesDo() throws Exception {
        CompiledRuleSet fromForm = new RuleSetCompiler(reads(), CompiledForm.packaged(getClass().getClassLoader())).compile(REPOSITORY);
        assertTrue(fromForm.compile().compiledBefore(), "the build wrote the form of the repository's rules (pom.xml, process-classes)");

        List<Household> households = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new PopulationGenerator(23, AS_OF).stream(300), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                households.add(JSON.treeToValue(JSON.readTree(line).get("household"), Household.class));
            }
        }
        for (byte[] yaml : REPOSITORY.filesUnder(ScenarioRunner.DIRECTORY, ".yaml").values()) {
            ScenarioRunner.read("scenarios", yaml).forEach(scenario -> households.add(scenario.household()));
        }
        int granted = 0;
        for (Household household : households) {
            for (Language language : Language.values()) {
                AssessmentResult expected = ENGINE.assess(fromRules, household, AS_OF, language, true);
                assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(ENGINE.assess(fromForm, household, AS_OF, language, true)));
                granted += expected.eligibleServices().size();
            }
        }
        assertTrue(granted > households.size() * 3, "households the rules grant services: " + granted);
    }

    @Test
    void aFormIsReadOnlyForTheRulesItWasMadeFrom() throws Exception {
        Kept store = new Kept();
        CompiledRuleSet first = new RuleSetCompiler(reads(), store).compile(REPOSITORY);
        assertFalse(first.compile().compiledBefore());
        assertEquals(2, store.forms.size(), "the rules' form and the parameters' form");

        CompiledRuleSet again = new RuleSetCompiler(reads(), store).compile(REPOSITORY);
        assertTrue(again.compile().compiledBefore());

        TreeMap<String, byte[]> files = new TreeMap<>(REPOSITORY.files());
        files.computeIfPresent("rules/risk.drl", (path, bytes) -> (new String(bytes, StandardCharsets.UTF_8) + "\n// changed\n").getBytes(StandardCharsets.UTF_8));
        CompiledRuleSet changed = new RuleSetCompiler(reads(), store).compile(new RuleSetBundle(REPOSITORY.version(), files));
        assertFalse(changed.compile().compiledBefore(), "one rule file changed: its KieBase is compiled again");
        assertEquals(3, store.forms.size(), "the parameters' form read again, a new form of the rules kept");
        assertEquals(3, new java.util.HashSet<>(store.asked).size());
    }

    @Test
    void aFormThatCannotBeReadIsCompiledAgain() throws Exception {
        CompiledForm.Store spoilt = new CompiledForm.Store() {
            @Override
            public byte[] find(String key) {
                return "not a form".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void keep(String key, byte[] form) {
            }
        };
        CompiledRuleSet compiled = new RuleSetCompiler(reads(), spoilt).compile(REPOSITORY);
        assertFalse(compiled.compile().compiledBefore());
        Household household = ScenarioRunner.read("scenarios", REPOSITORY.filesUnder(ScenarioRunner.DIRECTORY, ".yaml").values().iterator().next())
                .get(0).household();
        assertEquals(JSON.writeValueAsString(ENGINE.assess(fromRules, household, AS_OF, Language.en, true)),
                JSON.writeValueAsString(ENGINE.assess(compiled, household, AS_OF, Language.en, true)));
    }

    /** What the build writes: the forms of the rules and of the parameters, and none at all for rules that do not compile. */
    @Test
    void theBuildWritesNoFormForRulesThatDoNotCompile(@TempDir Path root) throws IOException {
        for (Map.Entry<String, byte[]> file : REPOSITORY.files().entrySet()) {
            Files.createDirectories(root.resolve(file.getKey()).getParent());
            Files.write(root.resolve(file.getKey()), file.getValue());
        }
        Path out = root.resolve("out");
        CompiledForm.main(new String[] {root.toString(), out.toString()});
        try (Stream<Path> forms = Files.list(out)) {
            assertEquals(2, forms.count());
        }
        Files.writeString(root.resolve("rules/risk.drl"), "package uz.inson.rules;\nrule \"broken\" when then nothing(; end\n");
        CompiledForm.main(new String[] {root.toString(), out.toString()});
        try (Stream<Path> forms = Files.list(out)) {
            assertEquals(0, forms.count(), "the forms of the build before are removed, none written");
        }
    }

    @Test
    void aFormHoldingAClassARuleNeverNeedsIsRefused() throws IOException {
        PGobject foreign = new PGobject();
        foreign.setType("json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(foreign)));
        }
        assertThrows(InvalidClassException.class, () -> CompiledForm.read(bytes.toByteArray(), getClass().getClassLoader()));
    }
}
