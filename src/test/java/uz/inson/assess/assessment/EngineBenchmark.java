package uz.inson.assess.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import uz.inson.assess.common.Language;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.CompiledForm;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;
import uz.inson.assess.rules.SpreadsheetReads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * In-process cost of one assessment on the repository's rule set, without HTTP or the database: the bare rule run, the
 * decision (what batch and impact analysis use), the full answer in words, and the words alone. Run it with the command in
 * docs/performance.md; it is not part of the test suite. The fork logs as the service does (JBoss LogManager, root at
 * INFO): unconfigured, the log manager publishes Drools' trace messages, which the service never does. Twenty seconds of
 * warm-up: after ten, the full answer still fell from 366 to 262 µs over the first four measured iterations on a 2-core
 * machine (the JIT compiler still at work), which read as a ±50 % error. The collector is the container image's
 * (Parallel): under G1 the bare run took 11–22 % longer. The heap is fixed and touched before the first iteration: on
 * these virtual machines a page of memory first written costs far more than one written again, and a heap that grew
 * while measured gave iterations of 1,000 µs among ones of 200 (the full answer, ± 1,443 µs; ± 12 with the heap touched).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-XX:+UseParallelGC", "-Xms2g", "-Xmx2g",
        "-XX:+AlwaysPreTouch"})
public class EngineBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    /**
     * Where the KieBase comes from: the build's form of the rules, as every start of the service takes it ({@code form}),
     * or a compile of their DRL ({@code drl}); {@code -p rules=drl,form} compares the two.
     */
    @Param("form")
    public String rules;

    private CompiledRuleSet ruleSet;
    private AssessmentEngine engine;
    private AnswerWriter writer;
    private Household design;
    /** The DESIGN household's decision, to time the words on their own. */
    private Decision designDecision;
    /** Every scenario household of the rule set: a mix of the cases policy staff wrote down. */
    private List<Household> scenarios;
    private int next;

    @Setup
    public void setUp() throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        ClassLoader classLoader = getClass().getClassLoader();
        ruleSet = new RuleSetCompiler(SpreadsheetReads.packaged(classLoader),
                "form".equals(rules) ? CompiledForm.packaged(classLoader) : CompiledForm.Store.NONE).compile(RuleSetBundle.fromDirectory(Path.of(".")));
        if (ruleSet.compile().compiledBefore() != "form".equals(rules)) {
            throw new IllegalStateException("rules=" + rules + " but the rules were " + (ruleSet.compile().compiledBefore() ? "read" : "compiled"));
        }
        writer = new AnswerWriter();
        engine = new AssessmentEngine(writer);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        design = json.treeToValue(json.readTree(Path.of("src/test/perf/household.json").toFile()).get("household"), Household.class);
        designDecision = engine.decide(ruleSet, design, AS_OF);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(ScenarioRunner.DIRECTORY))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode scenario : yaml.readTree(file.toFile())) {
                    scenarios.add(json.treeToValue(scenario.get("household"), Household.class));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Household nextScenario() {
        next = (next + 1) % scenarios.size();
        return scenarios.get(next);
    }

    @Benchmark
    public Object rulesOnly() {
        return ruleSet.evaluate(design, AS_OF);
    }

    @Benchmark
    public Object decision() {
        return engine.decide(ruleSet, design, AS_OF);
    }

    /** What impact analysis and batch decisions run: the decision without the questions to ask. */
    @Benchmark
    public Object decisionWithoutQuestions() {
        return engine.decideWithoutQuestions(ruleSet, design, AS_OF);
    }

    @Benchmark
    public Object answerInWords() {
        return engine.assess(ruleSet, design, AS_OF, Language.uz, false);
    }

    /** The case worker's language, for the words alone: Russian has the most plural and gender forms. */
    @State(Scope.Thread)
    public static class Words {
        @Param({"uz", "ru", "en"})
        public Language language;
    }

    /** The words alone: the DESIGN household's decision written out in a language. */
    @Benchmark
    public Object wordsOnly(Words words) {
        return writer.write(designDecision, words.language, false);
    }

    /** The words of a dry run for an integrating system: without the needs, risk factors and figures it is not shown. */
    @Benchmark
    public Object wordsWithoutCaseDetail(Words words) {
        return writer.write(designDecision, words.language, false, false, false);
    }

    /**
     * A pause of 2 ms before each answer, not timed (JMH's per-invocation setup): {@code sleep} leaves the CPU idle, as in a
     * service whose one client waits for its answer and its commit between requests; {@code spin} keeps the thread busy
     * on the clock alone, touching no data; {@code none} is the same per-answer timing without a pause.
     */
    @State(Scope.Thread)
    public static class Pause {
        @Param({"none", "sleep", "spin"})
        public String kind;

        @Setup(Level.Invocation)
        public void pause() throws InterruptedException {
            switch (kind) {
                case "sleep" -> Thread.sleep(2);
                case "spin" -> {
                    // no Thread.onSpinWait(): its PAUSE instruction lets a hypervisor give the core to another machine
                    for (long end = System.nanoTime() + 2_000_000; System.nanoTime() < end; ) {
                    }
                }
                default -> {
                }
            }
        }
    }

    @Benchmark
    public Object answerInWordsAfterPause(Pause pause) {
        return engine.assess(ruleSet, design, AS_OF, Language.uz, false);
    }

    /**
     * Short-lived garbage of about what the decision and the words allocate beyond the bare run (57 and 69 KB for the
     * DESIGN household), in objects of 64 bytes: whether the bytes a full answer allocates are what makes the rule run
     * beside them slower than in a loop of its own. Compare {@code rulesThenGarbage} with {@code rulesOnly} plus
     * {@code garbageOnly} at the same size.
     */
    @State(Scope.Thread)
    public static class Garbage {
        @Param({"0", "50", "125"})
        public int kb;

        void allocate(Blackhole sink) {
            for (int i = kb * 1024 / 64; i > 0; i--) {
                sink.consume(new byte[48]); // 48 bytes and the array's header: 64 bytes
            }
        }
    }

    @Benchmark
    public void rulesThenGarbage(Garbage garbage, Blackhole sink) {
        sink.consume(ruleSet.evaluate(design, AS_OF));
        garbage.allocate(sink);
    }

    @Benchmark
    public void garbageOnly(Garbage garbage, Blackhole sink) {
        garbage.allocate(sink);
    }

    @Benchmark
    public Object decisionScenarioMix() {
        return engine.decide(ruleSet, nextScenario(), AS_OF);
    }
}
