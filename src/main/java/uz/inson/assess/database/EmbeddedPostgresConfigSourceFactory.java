package uz.inson.assess.database;

import io.quarkus.runtime.Application;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;
import uz.inson.assess.common.BuildTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes "no database configured" mean "a real PostgreSQL started in-process": when {@code quarkus.datasource.jdbc.url}
 * is not set, starts an embedded PostgreSQL (zonky) and supplies its URL. The server starts lazily, on the first read
 * of the URL, and never while Quarkus builds the application.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class);
    private static final String URL = "quarkus.datasource.jdbc.url";
    /** Survives dev-mode restarts, which reload this class but keep the JVM (and the running server). */
    private static final String STARTED_URL = "inson.embedded-postgres.started-url";
    /** How long the server waits at exit for the application to stop using it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(URL);
        if (BuildTime.isBuilding() || configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue dataDirectory = context.getValue("inson.embedded-postgres.data-directory");
        String directory = dataDirectory == null || dataDirectory.getValue() == null ? "" : dataDirectory.getValue();
        ConfigValue durable = context.getValue("inson.embedded-postgres.durable");
        return List.of(new LazySource(directory, durable == null || durable.getValue() == null || Boolean.parseBoolean(durable.getValue())));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(50);
    }

    private static final class LazySource extends MapBackedConfigSource {
        private final String directory;
        private final boolean durable;

        LazySource(String directory, boolean durable) {
            super("embedded-postgres", Map.of(URL, "", "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres",
                    "inson.embedded-postgres.active", "true"), 50);
            this.directory = directory;
            this.durable = durable;
        }

        @Override
        public String getValue(String name) {
            return URL.equals(name) ? url(directory, durable) : super.getValue(name);
        }
    }

    /**
     * Quarkus stops the application in a shutdown hook of its own, which the JVM runs at the same moment as this one, and
     * the application's scheduled jobs, listeners and last commits still use the database while it stops: stopped
     * first, the server left each stop of the service with warnings and a rolled-back transaction's stack trace. So the
     * server waits for the application to have stopped, or for {@link #STOP_WAIT} if it never does.
     */
    private static void awaitApplicationStop() {
        Application application = Application.currentApplication();
        if (application == null) {
            return;
        }
        Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-awaits-application-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized String url(String directory, boolean durable) {
        String started = System.getProperty(STARTED_URL);
        if (started != null) {
            return started;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!directory.isBlank()) {
                Path data = Path.of(directory).toAbsolutePath();
                Files.createDirectories(data);
                builder.setDataDirectory(data).setCleanDataDirectory(false);
            }
            // zonky's defaults suit throwaway test databases: fsync, synchronous commit and full-page writes off. A service
            // that acknowledges an assessment or an audit entry must still have it after a power cut, so they are on
            // unless inson.embedded-postgres.durable=false (the tests' temporary database).
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on).setServerConfig("synchronous_commit", on).setServerConfig("full_page_writes", on);
            // zonky's own hook would stop the server at once; the one below waits for the application
            EmbeddedPostgres postgres = builder.setRegisterShutdownHook(false).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitApplicationStop();
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Started embedded PostgreSQL on port %d (data: %s, %s)", postgres.getPort(), directory.isBlank() ? "temporary" : directory,
                    durable ? "durable: fsync and synchronous commit on" : "not durable: fsync off");
            System.setProperty(STARTED_URL, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
