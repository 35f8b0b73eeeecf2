import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares the bare rule run (CompiledRuleSet.evaluate, the DESIGN household), the decision (AssessmentEngine.decide) or
 * the full answer in Uzbek (AssessmentEngine.assess) of two packaged builds in one JVM: each
 * build in a class loader of its own, half-second rounds in turn, alternating which goes first. On a noisy 2-core
 * virtual machine the same build's JMH figure moves by a quarter between runs; the ratio of paired rounds does not.
 * Usage, from the repository root (both builds read this checkout's rule set; Quarkus' boot jars, the log manager among
 * them, on the class path both builds share):
 *   java -XX:+UseParallelGC -cp 'target/quarkus-app/lib/boot/*' -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *       src/test/perf/TwoBuilds.java <quarkus-app dir A> <quarkus-app dir B> [threads] [rounds] [rules|decide|answer]
 * or, to check that the two builds give the same answers (full, near misses included, in uz, ru and en, as JSON) for
 * every line of a population file (PopulationGenerator's NDJSON):
 *       src/test/perf/TwoBuilds.java <quarkus-app dir A> <quarkus-app dir B> compare <population.ndjson>
 */
public class TwoBuilds {
    private record Build(ClassLoader loader, Json json, Object target, Object[] arguments, Method run) {
    }

    /** A build's own Jackson: requests read into the build's own classes, its answers written as JSON. */
    private static final class Json {
        private final Object mapper;
        private final Method readTree;
        private final Method treeToValue;
        private final Method write;
        private final Class<?> householdType;

        Json(ClassLoader loader) throws Exception {
            mapper = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getConstructor().newInstance();
            mapper.getClass().getMethod("registerModule", loader.loadClass("com.fasterxml.jackson.databind.Module"))
                    .invoke(mapper, loader.loadClass("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule").getConstructor().newInstance());
            readTree = mapper.getClass().getMethod("readTree", String.class);
            treeToValue = mapper.getClass().getMethod("treeToValue", loader.loadClass("com.fasterxml.jackson.core.TreeNode"), Class.class);
            write = mapper.getClass().getMethod("writeValueAsString", Object.class);
            householdType = loader.loadClass("uz.inson.assess.household.Household");
        }

        /** The household and the case date of a request ({@code {"asOf", "household"}}), the household as the build's class. */
        Object[] request(String text) throws Exception {
            Object tree = readTree.invoke(mapper, text);
            Method get = tree.getClass().getMethod("get", String.class);
            Object asOf = get.invoke(tree, "asOf");
            return new Object[] {treeToValue.invoke(mapper, get.invoke(tree, "household"), householdType),
                    LocalDate.parse((String) asOf.getClass().getMethod("asText").invoke(asOf))};
        }

        String write(Object value) throws Exception {
            return (String) write.invoke(mapper, value);
        }
    }

    public static void main(String[] args) throws Exception {
        // Drools' trace messages published, as an unconfigured log manager does, made the run several times longer
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (args.length > 3 && "compare".equals(args[2])) {
            compare(load(args[0], "answer"), load(args[1], "answer"), Path.of(args[3]));
            return;
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        String what = args.length > 4 ? args[4] : "rules";
        Build[] builds = {load(args[0], what), load(args[1], what)};
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
        double[][] rate = new double[2][rounds];
        for (int round = -20; round < rounds; round++) { // the first 20 rounds warm both up
            for (int turn = 0; turn < 2; turn++) {
                int which = (turn + Math.max(round, 0)) % 2;
                double perSecond = runsPerSecond(builds[which], pool, threads);
                if (round >= 0) {
                    rate[which][round] = perSecond;
                }
            }
        }
        double[] ratios = new double[rounds];
        int fasterB = 0;
        for (int round = 0; round < rounds; round++) {
            ratios[round] = rate[1][round] / rate[0][round];
            fasterB += ratios[round] > 1 ? 1 : 0;
        }
        System.out.printf("%s, %d thread(s): A median %.0f runs/s, B median %.0f runs/s; B/A median of the pairs %.3f, B faster in %d of %d%n",
                what, threads, median(rate[0]), median(rate[1]), median(ratios), fasterB, rounds);
    }

    private static double runsPerSecond(Build build, ExecutorService pool, int threads) throws Exception {
        AtomicLong runs = new AtomicLong();
        long end = System.nanoTime() + 500_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                Thread.currentThread().setContextClassLoader(build.loader()); // Drools finds its services through it
                while (System.nanoTime() < end) {
                    build.run().invoke(build.target(), build.arguments());
                    runs.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return runs.get() / 0.5;
    }

    private static Build load(String appDir, String what) throws Exception {
        List<URL> jars = new ArrayList<>();
        for (String sub : new String[] {"app", "lib/main"}) {
            try (var files = Files.list(Path.of(appDir, sub))) {
                for (Path jar : files.sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
            }
        }
        ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> bundleType = loader.loadClass("uz.inson.assess.rules.RuleSetBundle");
        Object bundle = bundleType.getMethod("fromDirectory", Path.class).invoke(null, Path.of("."));
        Object compiler = loader.loadClass("uz.inson.assess.rules.RuleSetCompiler").getConstructor().newInstance();
        Object ruleSet = compiler.getClass().getMethod("compile", bundleType).invoke(compiler, bundle);
        Json json = new Json(loader);
        Object[] request = json.request(Files.readString(Path.of("src/test/perf/household.json")));
        Object household = request[0];
        Object asOf = request[1];
        Class<?> householdType = json.householdType;
        if ("rules".equals(what)) {
            return new Build(loader, json, ruleSet, new Object[] {household, asOf},
                    ruleSet.getClass().getMethod("evaluate", householdType, LocalDate.class));
        }
        Class<?> writerType = loader.loadClass("uz.inson.assess.assessment.AnswerWriter");
        var engineConstructor = loader.loadClass("uz.inson.assess.assessment.AssessmentEngine").getDeclaredConstructor(writerType);
        engineConstructor.setAccessible(true);
        Object engine = engineConstructor.newInstance(writerType.getConstructor().newInstance());
        if ("decide".equals(what)) {
            return new Build(loader, json, engine, new Object[] {ruleSet, household, asOf},
                    engine.getClass().getMethod("decide", ruleSet.getClass(), householdType, LocalDate.class));
        }
        Class<?> languageType = loader.loadClass("uz.inson.assess.common.Language");
        return new Build(loader, json, engine, new Object[] {ruleSet, household, asOf, languageType.getField("uz").get(null), false},
                engine.getClass().getMethod("assess", ruleSet.getClass(), householdType, LocalDate.class, languageType, boolean.class));
    }

    /** Each line's answers by both builds, side by side; a household a build refuses is answered by its problem's message. */
    private static void compare(Build a, Build b, Path population) throws Exception {
        long lines = 0;
        long differing = 0;
        for (String line : Files.readAllLines(population)) {
            lines++;
            Object[] requestA = a.json().request(line);
            Object[] requestB = b.json().request(line);
            for (String language : new String[] {"uz", "ru", "en"}) {
                String answerA = answer(a, requestA, language);
                String answerB = answer(b, requestB, language);
                if (!answerA.equals(answerB) && differing++ == 0) {
                    System.out.printf("line %d (%s) differs:%nA %s%nB %s%n", lines, language, answerA, answerB);
                }
            }
        }
        System.out.printf("%d lines in 3 languages: %d answers differ%n", lines, differing);
        if (differing > 0) {
            System.exit(1);
        }
    }

    /** The full answer with near misses, as the build writes it. */
    private static String answer(Build build, Object[] request, String language) throws Exception {
        Thread.currentThread().setContextClassLoader(build.loader());
        Object languageValue = build.run().getParameterTypes()[3].getField(language).get(null);
        try {
            return build.json().write(build.run().invoke(build.target(), build.arguments()[0], request[0], request[1], languageValue, true));
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "refused: " + e.getCause().getMessage();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
