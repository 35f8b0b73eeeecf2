package uz.inson.assess.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The packaged application ({@code target/quarkus-app}, after {@code package}) started as its own process on a free port,
 * against an external PostgreSQL or on its own embedded one: the integration tests' way of running instances as operators
 * and newcomers would.
 */
public record PackagedInstance(Process process, int port, Path log) {
    public static final String ADMIN_PASSWORD = "first-admin-password";

    /**
     * Starts an instance with no demo users (an external database): the first admin comes from configuration, and the
     * signing keys from {@code keys}, shared by every instance. {@code env} adds settings; {@code workDir} is where it runs.
     */
    public static PackagedInstance start(String jdbcUrl, Path keys, Path workDir, Map<String, String> env) throws IOException {
        Map<String, String> database = new HashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl, "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres"));
        database.putAll(env);
        return launch(keys, workDir, database);
    }

    /**
     * Starts an instance as a newcomer runs it, with no database configured: it starts its own embedded PostgreSQL, whose
     * data lie under {@code workDir}.
     */
    public static PackagedInstance startOnItsEmbeddedDatabase(Path keys, Path workDir) throws IOException {
        return launch(keys, workDir, Map.of());
    }

    private static PackagedInstance launch(Path keys, Path workDir, Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("instance-" + port, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        // a database the tests themselves were given (.ci/run's) is not the instance's unless env names it
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_"));
        builder.environment().put("INSON_AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("INSON_AUTH_KEY_DIRECTORY", keys.toString());
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).directory(workDir.toFile()).start();
        return new PackagedInstance(process, port, log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for readiness: the database reached and a rule set compiled and in force. */
    public PackagedInstance awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance on port " + port + " never became ready");
    }
}
