import java.io.File;
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
 * Compares the bare rule run (CompiledRuleSet.evaluate, the DESIGN household) of two packaged builds in one JVM: each
 * build in a class loader of its own, half-second rounds in turn, alternating which goes first. On a noisy 2-core
 * virtual machine the same build's JMH figure moves by a quarter between runs; the ratio of paired rounds does not.
 * Usage, from the repository root (both builds read this checkout's rule set; Quarkus' boot jars, the log manager among
 * them, on the class path both builds share):
 *   java -XX:+UseParallelGC -cp 'target/quarkus-app/lib/boot/*' -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *       src/test/perf/TwoBuilds.java <quarkus-app dir A> <quarkus-app dir B> [threads] [rounds]
 */
public class TwoBuilds {
    private record Build(ClassLoader loader, Object ruleSet, Object household, Method evaluate) {
    }

    public static void main(String[] args) throws Exception {
        // Drools' trace messages published, as an unconfigured log manager does, made the run several times longer
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Build[] builds = {load(args[0]), load(args[1])};
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
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
        System.out.printf("%d thread(s): A median %.0f runs/s, B median %.0f runs/s; B/A median of the pairs %.3f, B faster in %d of %d%n",
                threads, median(rate[0]), median(rate[1]), median(ratios), fasterB, rounds);
    }

    private static double runsPerSecond(Build build, ExecutorService pool, int threads) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        AtomicLong runs = new AtomicLong();
        long end = System.nanoTime() + 500_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                Thread.currentThread().setContextClassLoader(build.loader()); // Drools finds its services through it
                while (System.nanoTime() < end) {
                    build.evaluate().invoke(build.ruleSet(), build.household(), asOf);
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

    private static Build load(String appDir) throws Exception {
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
        Object json = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getConstructor().newInstance();
        json.getClass().getMethod("registerModule", loader.loadClass("com.fasterxml.jackson.databind.Module"))
                .invoke(json, loader.loadClass("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule").getConstructor().newInstance());
        Object request = json.getClass().getMethod("readTree", File.class).invoke(json, new File("src/test/perf/household.json"));
        Class<?> householdType = loader.loadClass("uz.inson.assess.household.Household");
        Object household = json.getClass().getMethod("treeToValue", loader.loadClass("com.fasterxml.jackson.core.TreeNode"), Class.class)
                .invoke(json, request.getClass().getMethod("get", String.class).invoke(request, "household"), householdType);
        return new Build(loader, ruleSet, household, ruleSet.getClass().getMethod("evaluate", householdType, LocalDate.class));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
