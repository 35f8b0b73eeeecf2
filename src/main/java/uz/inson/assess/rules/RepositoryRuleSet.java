package uz.inson.assess.rules;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import uz.inson.assess.common.BuildTime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The repository's rule set for this launch: its bundle, and its compile, begun once and as early as the launch allows.
 * At a first start that version goes in force and readiness waits for it, and its compile is the longest part of a
 * start. Begun when the container is up, it came after 5 s of embedded PostgreSQL, Flyway and Hibernate that leave a
 * core idle; begun by {@link EarlyStart} while Quarkus reads its configuration, it runs beside them, and the container
 * adopts the same compile ({@code RuleSetSync}). docs/performance-history.md has the figures.
 */
public final class RepositoryRuleSet {
    private static Launch launch;

    private RepositoryRuleSet() {
    }

    /** The bundle found for these settings (none: no folder and nothing packaged) and its compile with the warm-up. */
    public record Launch(Path directory, boolean packaged, Optional<RuleSetBundle> bundle, CompletableFuture<CompiledRuleSet> compiled) {
    }

    /**
     * The launch's repository rule set for these settings, its compile begun on a thread of its own the first time they
     * are asked for; asked again with other settings (a test profile's), it starts over with those.
     */
    public static synchronized Launch start(Path directory, boolean packaged) {
        if (launch == null || !launch.directory().equals(directory) || launch.packaged() != packaged) {
            Optional<RuleSetBundle> bundle = RuleSetBundle.repository(directory, packaged);
            CompletableFuture<CompiledRuleSet> compiled = new CompletableFuture<>();
            bundle.ifPresent(found -> {
                Thread compiling = new Thread(() -> {
                    try {
                        ClassLoader classLoader = RepositoryRuleSet.class.getClassLoader();
                        compiled.complete(ActiveRuleSet.compileAndWarmUp(
                                new RuleSetCompiler(SpreadsheetReads.packaged(classLoader), CompiledForm.packaged(classLoader)), found));
                    } catch (RuleSetInvalidException | RuntimeException e) {
                        compiled.completeExceptionally(e);
                    }
                }, "rule-set-compile");
                compiling.setDaemon(true);
                compiling.start();
            });
            launch = new Launch(directory, packaged, bundle, compiled);
        }
        return launch;
    }

    /**
     * Hands the launch's repository rule set to the container ({@link #start}, then forgotten here): once in the
     * container, the compiled version is kept or dropped like any other, and this class holds no reference to it.
     */
    public static synchronized Launch take(Path directory, boolean packaged) {
        Launch taken = start(directory, packaged);
        launch = null;
        return taken;
    }

    /**
     * Quarkus reads config-source factories at the very beginning of a launch. This one adds no configuration: it reads
     * where the bundle is and begins its compile. It never fails a launch; a bundle that cannot be read here is read
     * again, and its failure reported, when the container starts.
     */
    public static final class EarlyStart implements ConfigSourceFactory {
        @Override
        public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
            // Only in a launch of the application (Quarkus' class loaders): Drools reads MicroProfile Config too, so any JVM
            // that compiles rules would otherwise begin this compile (the build's SpreadsheetReads, plain unit tests)
            if (!BuildTime.isBuilding() && EarlyStart.class.getClassLoader().getClass().getName().startsWith("io.quarkus.")) {
                try {
                    start(Path.of(value(context, BundleConfig.DIRECTORY, BundleConfig.DEFAULT_DIRECTORY)),
                            Boolean.parseBoolean(value(context, BundleConfig.PACKAGED, BundleConfig.DEFAULT_PACKAGED)));
                } catch (RuntimeException e) {
                    // read again, and reported, when the container starts
                }
            }
            return List.of();
        }

        private static String value(ConfigSourceContext context, String name, String otherwise) {
            ConfigValue value = context.getValue(name);
            return value == null || value.getValue() == null ? otherwise : value.getValue();
        }
    }
}
