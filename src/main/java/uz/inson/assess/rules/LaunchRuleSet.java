package uz.inson.assess.rules;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import uz.inson.assess.common.BuildTime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The rule set this launch expects to put in force, and its compile, begun once and as early as the launch allows: the
 * version the configured database has in force now, or else (a first start, an embedded database, a server not
 * answering) the repository's. Readiness waits for that compile, the longest part of a start. Begun when the container
 * is up, it came after 5 s of PostgreSQL, Flyway and Hibernate that leave a core idle; begun by {@link EarlyStart} while
 * Quarkus reads its configuration, it runs beside them, and the container adopts the same compile ({@code RuleSetSync}).
 * docs/performance-history.md has the figures.
 */
public final class LaunchRuleSet {
    private static Launch launch;

    private LaunchRuleSet() {
    }

    /**
     * The repository's bundle found for these settings (imported into an empty database; none: no folder and nothing
     * packaged), the bundle chosen for the early compile (known once the database was read; none: nothing to compile),
     * and that compile with its warm-up.
     */
    public record Launch(Path directory, boolean packaged, Optional<RuleSetBundle> repository, CompletableFuture<Optional<RuleSetBundle>> chosen,
                         CompletableFuture<CompiledRuleSet> compiled) {
    }

    /** {@link #start(Path, boolean, Optional)} with no database to read: the repository's bundle is compiled. */
    public static Launch start(Path directory, boolean packaged) {
        return start(directory, packaged, Optional.empty());
    }

    /**
     * The launch's rule set for these settings, chosen and compiled on a thread of its own the first time they are asked
     * for; asked again with another folder (a test profile's), it starts over with that.
     */
    static synchronized Launch start(Path directory, boolean packaged, Optional<LaunchDatabase> database) {
        if (launch == null || !launch.directory().equals(directory) || launch.packaged() != packaged) {
            Optional<RuleSetBundle> repository = RuleSetBundle.repository(directory, packaged);
            CompletableFuture<Optional<RuleSetBundle>> chosen = new CompletableFuture<>();
            CompletableFuture<CompiledRuleSet> compiled = new CompletableFuture<>();
            if (repository.isEmpty() && database.isEmpty()) {
                chosen.complete(Optional.empty());
            } else {
                Thread compiling = new Thread(() -> chooseAndCompile(repository, database, chosen, compiled), "rule-set-compile");
                compiling.setDaemon(true);
                compiling.start();
            }
            launch = new Launch(directory, packaged, repository, chosen, compiled);
        }
        return launch;
    }

    private static void chooseAndCompile(Optional<RuleSetBundle> repository, Optional<LaunchDatabase> database,
                                         CompletableFuture<Optional<RuleSetBundle>> chosen, CompletableFuture<CompiledRuleSet> compiled) {
        ClassLoader classLoader = LaunchRuleSet.class.getClassLoader();
        CompiledForm.Store forms = CompiledForm.packaged(classLoader);
        Connection connection = null;
        Optional<RuleSetBundle> bundle = repository;
        try {
            if (database.isPresent()) {
                try {
                    connection = database.get().connect();
                    bundle = LaunchDatabase.versionInForce(connection, repository).or(() -> repository);
                    forms = CompiledForm.either(forms, LaunchDatabase.forms(connection));
                } catch (SQLException | RuntimeException e) {
                    // not read (a server not answering or refusing the launch): the container reads it as always
                }
            }
            chosen.complete(bundle);
            if (bundle.isPresent()) {
                compiled.complete(ActiveRuleSet.compileAndWarmUp(new RuleSetCompiler(SpreadsheetReads.packaged(classLoader), forms), bundle.get()));
            }
        } catch (Throwable e) {
            // whatever stops this thread, the container must hear of it: a choice or a compile never completed would keep
            // the service unready for ever. Stopped before choosing, nothing is adopted and the container compiles itself.
            chosen.complete(Optional.empty());
            compiled.completeExceptionally(e);
        } finally {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the compile is done; the server drops the connection itself
        }
    }

    /**
     * Hands the launch's rule set to the container (begun here if the configuration phase did not), then forgets it: once
     * in the container, the compiled version is kept or dropped like any other, and this class holds no reference to it.
     */
    public static synchronized Launch take(Path directory, boolean packaged) {
        Launch taken = start(directory, packaged);
        launch = null;
        return taken;
    }

    /**
     * Quarkus reads config-source factories at the very beginning of a launch. This one adds no configuration: it reads
     * where the bundle and the database are and begins the compile. It never fails a launch; a bundle that cannot be read
     * here is read again, and its failure reported, when the container starts.
     */
    public static final class EarlyStart implements ConfigSourceFactory {
        @Override
        public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
            // Only in a launch of the application (Quarkus' class loaders): Drools reads MicroProfile Config too, so any JVM
            // that compiles rules would otherwise begin this compile (the build's SpreadsheetReads, plain unit tests)
            if (!BuildTime.isBuilding() && EarlyStart.class.getClassLoader().getClass().getName().startsWith("io.quarkus.")) {
                try {
                    start(Path.of(value(context, BundleConfig.DIRECTORY, BundleConfig.DEFAULT_DIRECTORY)),
                            Boolean.parseBoolean(value(context, BundleConfig.PACKAGED, BundleConfig.DEFAULT_PACKAGED)),
                            LaunchDatabase.configured(context));
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
