package uz.inson.assess.rules;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.RuleSets;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch's compile: begun once, handed to whoever asks with the same settings; of the version the configured
 * database has in force when it can be read (a PostgreSQL of the test's own, its schema made by the service's
 * migrations), else of the repository's.
 */
class LaunchRuleSetTest {
    private static final Path REPOSITORY = Path.of(".");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void theRepositorysBundleIsCompiledOnceForTheSameSettings() throws Exception {
        forgetAnyLaunch();
        LaunchRuleSet.Launch first = LaunchRuleSet.start(REPOSITORY, false);
        LaunchRuleSet.Launch again = LaunchRuleSet.start(REPOSITORY, false);
        LaunchRuleSet.Launch taken = LaunchRuleSet.take(REPOSITORY, false);

        assertSame(first, again, "asked twice, the configuration phase begins one compile");
        assertSame(first, taken, "the container adopts the compile the configuration phase began");
        assertNotSame(taken, LaunchRuleSet.take(REPOSITORY, false), "once taken, the launch no longer holds it");
        assertEquals(RuleSets.REPOSITORY_VERSION, first.repository().orElseThrow().version());
        assertEquals(first.repository(), first.chosen().get(1, TimeUnit.MINUTES));
        CompiledRuleSet compiled = first.compiled().get(2, TimeUnit.MINUTES);
        assertEquals(first.repository().orElseThrow().hash(), compiled.hash());
    }

    @Test
    void otherSettingsStartOverAndNoBundleMeansNothingToCompile() throws Exception {
        LaunchRuleSet.Launch none = LaunchRuleSet.take(Path.of("target/no-such-bundle"), false);

        assertTrue(none.repository().isEmpty());
        assertEquals(Optional.empty(), none.chosen().getNow(null), "nothing to choose from");
        assertFalse(none.compiled().isDone(), "nothing was begun");
    }

    /** After policy staff put an uploaded version in force, every restart needs that version, not the repository's. */
    @Test
    void theVersionTheDatabaseHasInForceIsCompiledAndTheRepositorysWhenItIsThatOne() throws Exception {
        LaunchDatabase database = database(freshDatabase(true));
        RuleSetBundle repository = RuleSetBundle.fromDirectory(REPOSITORY);
        // the repository's version, then one whose scenarios say more: the same rules and tables, another version
        RuleSetBundle uploaded = changed(repository, "decision-tables/scenarios/crisis.yaml", "\n# checked again " + UUID.randomUUID() + "\n");
        store(database, repository, Instant.now().minus(Duration.ofDays(30)));

        LaunchRuleSet.Launch atFirst = launch(database);
        assertSame(atFirst.repository().orElseThrow(), atFirst.chosen().get(1, TimeUnit.MINUTES).orElseThrow(),
                "the repository's version is in force: its bundle, not the database's copy of it");
        assertEquals(repository.hash(), atFirst.compiled().get(2, TimeUnit.MINUTES).hash());

        store(database, uploaded, Instant.now().minus(Duration.ofHours(1)));
        // and one put in force from next month, not yet in force
        store(database, changed(repository, "decision-tables/scenarios/crisis.yaml", "\n# next month\n"), Instant.now().plus(Duration.ofDays(30)));
        LaunchRuleSet.Launch later = launch(database);
        RuleSetBundle chosen = later.chosen().get(1, TimeUnit.MINUTES).orElseThrow();
        assertEquals(uploaded.hash(), chosen.hash());
        assertEquals(uploaded.id(), chosen.id(), "the id the container looks the compile up by");
        CompiledRuleSet compiled = later.compiled().get(2, TimeUnit.MINUTES);
        assertEquals(uploaded.hash(), compiled.hash());
        assertTrue(compiled.compile().compiledBefore(), "the same rules as the build's: read, not compiled");
    }

    /** Rules no build has seen are compiled by Drools once; the form kept in the database serves the next launch. */
    @Test
    void aVersionWithRulesNoBuildSawIsCompiledOnceAndItsRulesKeptForTheNextLaunch() throws Exception {
        LaunchDatabase database = database(freshDatabase(true));
        RuleSetBundle repository = RuleSetBundle.fromDirectory(REPOSITORY);
        RuleSetBundle edited = changed(repository, "rules/risk.drl", "\n// " + UUID.randomUUID() + "\n");
        store(database, edited, Instant.now().minus(Duration.ofMinutes(5)));

        CompiledRuleSet first = launch(database).compiled().get(5, TimeUnit.MINUTES);
        assertEquals(edited.hash(), first.hash());
        assertFalse(first.compile().compiledBefore());
        assertEquals(1, count(database, "select count(*) from compiled_form"), "its rules' form kept (the parameters' came with the build)");

        CompiledRuleSet second = launch(database).compiled().get(2, TimeUnit.MINUTES);
        assertTrue(second.compile().compiledBefore(), "read from what the first launch kept");
    }

    /**
     * A first start (no schema before Flyway), no version in force, nobody listening, or a server that takes the
     * connection and never answers: the repository's.
     */
    @Test
    void whenTheDatabaseCannotSayTheRepositorysBundleIsCompiled() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            LaunchDatabase[] databases = {database(freshDatabase(false)), database(freshDatabase(true)), nobodyListening(),
                    database("jdbc:postgresql://localhost:" + silent.getLocalPort() + "/postgres")};
            for (LaunchDatabase database : databases) {
                LaunchRuleSet.Launch launch = launch(database);
                assertSame(launch.repository().orElseThrow(), launch.chosen().get(1, TimeUnit.MINUTES).orElseThrow(), database.url());
                // done before the next: no compile left running into other tests
                assertEquals(launch.repository().orElseThrow().hash(), launch.compiled().get(2, TimeUnit.MINUTES).hash());
            }
        }
    }

    /**
     * A first start's database, before Flyway, is asked whether the tables exist, never read: a statement on a missing table
     * would fail and leave an ERROR in the server's log at every new database. Checked in a transaction, which a failed
     * statement would abort.
     */
    @Test
    void aDatabaseBeforeItsMigrationsIsAskedForItsTablesNotRead() throws Exception {
        try (Connection connection = database(freshDatabase(false)).connect()) {
            connection.setAutoCommit(false);
            assertEquals(Optional.empty(), LaunchDatabase.versionInForce(connection, Optional.empty()));
            assertSame(CompiledForm.Store.NONE, LaunchDatabase.forms(connection));
            try (Statement after = connection.createStatement(); ResultSet row = after.executeQuery("select 1")) {
                assertTrue(row.next(), "no statement failed before it");
            }
            connection.rollback();
        }
    }

    private static LaunchRuleSet.Launch launch(LaunchDatabase database) {
        forgetAnyLaunch();
        LaunchRuleSet.Launch launch = LaunchRuleSet.start(REPOSITORY, false, Optional.of(database));
        assertSame(launch, LaunchRuleSet.take(REPOSITORY, false), "the container takes what the configuration phase began");
        return launch;
    }

    /** A launch left by another test with the same settings would be handed over instead of a new one. */
    private static void forgetAnyLaunch() {
        LaunchRuleSet.take(Path.of("target/no-such-bundle"), false);
    }

    private static String freshDatabase(boolean migrated) throws Exception {
        String name = "launch_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        String url = postgres.getJdbcUrl("postgres", name);
        if (migrated) {
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        }
        return url;
    }

    /** The database as the launch finds it named in the configuration, with the launch's own time limits. */
    private static LaunchDatabase database(String url) {
        return LaunchDatabase.configured(configuration(Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"))).orElseThrow();
    }

    @Test
    void theDatabaseIsReadWithTheConfiguredSettingsAndOnlyWhenOneIsNamed() {
        assertTrue(LaunchDatabase.configured(configuration(Map.of("inson.bundle.directory", "."))).isEmpty(), "the embedded one starts later");
        assertTrue(LaunchDatabase.configured(configuration(Map.of("quarkus.datasource.jdbc.url", " "))).isEmpty());

        LaunchDatabase named = LaunchDatabase.configured(configuration(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/inson",
                "quarkus.datasource.username", "inson", "quarkus.datasource.password", "secret",
                "quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", "verify-full",
                "quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "5"))).orElseThrow();
        assertEquals("jdbc:postgresql://db.example:5432/inson", named.url());
        Properties properties = named.properties();
        assertEquals("inson", properties.getProperty("user"));
        assertEquals("secret", properties.getProperty("password"));
        assertEquals("verify-full", properties.getProperty("sslmode"), "connected as the service connects");
        assertEquals("5", properties.getProperty("connectTimeout"), "the operator's limit kept");
        assertEquals("2", properties.getProperty("loginTimeout"));
        assertEquals("10", properties.getProperty("socketTimeout"));
    }

    private static ConfigSourceContext configuration(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public List<String> getProfiles() {
                return List.of();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static LaunchDatabase nobodyListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return database("jdbc:postgresql://localhost:" + port + "/postgres");
    }

    private static RuleSetBundle changed(RuleSetBundle bundle, String path, String added) {
        TreeMap<String, byte[]> files = new TreeMap<>(bundle.files());
        files.computeIfPresent(path, (p, bytes) -> (new String(bytes, StandardCharsets.UTF_8) + added).getBytes(StandardCharsets.UTF_8));
        return new RuleSetBundle(bundle.version() + "-" + files.get(path).length, files);
    }

    /** A version as the service stores it, with its activation from {@code effectiveFrom}. */
    private static void store(LaunchDatabase database, RuleSetBundle bundle, Instant effectiveFrom) throws Exception {
        try (Connection connection = database.connect()) {
            try (PreparedStatement version = connection.prepareStatement(
                    "insert into rule_set (id, version, hash, author, status, created_at) values (?, ?, ?, 'policy', 'APPROVED', now())")) {
                version.setObject(1, bundle.id());
                version.setString(2, bundle.version());
                version.setString(3, bundle.hash());
                version.executeUpdate();
            }
            try (PreparedStatement file = connection.prepareStatement("insert into rule_set_file (rule_set_id, path, content) values (?, ?, ?)")) {
                for (Map.Entry<String, byte[]> each : bundle.files().entrySet()) {
                    file.setObject(1, bundle.id());
                    file.setString(2, each.getKey());
                    file.setBytes(3, each.getValue());
                    file.addBatch();
                }
                file.executeBatch();
            }
            try (PreparedStatement activation = connection.prepareStatement("""
                    insert into rule_set_activation (rule_set_id, effective_from, activated_by, activated_at, kind)
                    values (?, ?, 'approver', now(), 'ACTIVATE')""")) {
                activation.setObject(1, bundle.id());
                activation.setTimestamp(2, Timestamp.from(effectiveFrom));
                activation.executeUpdate();
            }
        }
    }

    private static long count(LaunchDatabase database, String query) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
