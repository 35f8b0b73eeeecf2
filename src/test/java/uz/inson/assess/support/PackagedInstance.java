package uz.inson.assess.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The packaged application ({@code target/quarkus-app}, after {@code package}) started as its own process on a free port
 * against an external PostgreSQL: the integration tests' way of running several instances as operators would.
 */
public record PackagedInstance(Process process, int port, Path log) {
    public static final String ADMIN_PASSWORD = "first-admin-password";

    /**
     * Starts an instance with no demo users (an external database): the first admin comes from configuration, and the
     * signing keys from {@code keys}, shared by every instance. {@code env} adds settings; {@code workDir} is where it runs.
     */
    public static PackagedInstance start(String jdbcUrl, Path keys, Path workDir, Map<String, String> env) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("instance-" + port, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
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
