package uz.inson.assess.rulesets;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Households;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service share one PostgreSQL: an activation or rollback made through one is in force
 * on the other within 5 seconds.
 */
class MultiInstanceIT {
    private static EmbeddedPostgres postgres;
    private static final List<Process> instances = new ArrayList<>();
    private static int first;
    private static int second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        first = freePort();
        instances.add(start(first, url));
        waitUntilReady(first);
        second = freePort();
        instances.add(start(second, url));
        waitUntilReady(second);
    }

    @AfterAll
    static void stop() throws IOException {
        instances.forEach(Process::destroy);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Process start(int port, String url) throws IOException {
        Path log = Files.createTempFile("instance-" + port, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", "target/quarkus-app/quarkus-run.jar");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", url);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(".")).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntilReady(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance on port " + port + " never became ready");
    }

    private static String versionOn(int port) {
        return given().port(port).contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("ruleSet.version");
    }

    private static Duration waitForVersion(int port, String version) throws InterruptedException {
        Instant start = Instant.now();
        while (!version.equals(versionOn(port))) {
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5, "port " + port + " still not on " + version);
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    void anActivationOnOneInstanceIsInForceOnTheOtherWithinFiveSeconds() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        assertEquals("2026.1.0", versionOn(second));
        String id = given().port(first).multiPart("files", "parameters.drl.xlsx", Files.readAllBytes(Path.of("decision-tables/parameters.drl.xlsx")))
                .multiPart("version", "2026.1.9").multiPart("author", "policy").post("/api/v1/rule-sets")
                .then().statusCode(201).extract().path("id");
        given().port(first).contentType(ContentType.JSON).body("{\"approver\": \"approver\"}").post("/api/v1/rule-sets/" + id + "/approve")
                .then().statusCode(200);
        // the other instance compiles an approved version ahead of its activation
        Thread.sleep(20_000);

        given().port(first).contentType(ContentType.JSON).body("{\"activatedBy\": \"approver\"}").post("/api/v1/rule-sets/" + id + "/activate")
                .then().statusCode(200);
        waitForVersion(second, "2026.1.9");

        given().port(second).contentType(ContentType.JSON).body("{\"activatedBy\": \"approver\"}").post("/api/v1/rule-sets/rollback")
                .then().statusCode(200);
        waitForVersion(first, "2026.1.0");
    }
}
