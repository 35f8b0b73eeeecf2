package uz.inson.assess.rulesets;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.PackagedInstance;
import uz.inson.assess.support.RuleSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    private static Path keys;
    private static final String ADMIN_PASSWORD = PackagedInstance.ADMIN_PASSWORD;
    private static final String PASSWORD = "a-long-enough-password";

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        keys = Files.createTempDirectory("inson-keys");
        // an external database: no demo users; the first admin comes from configuration, and both instances share one signing key
        PackagedInstance one = PackagedInstance.start(url, keys, Path.of("."), Map.of()).awaitReady();
        instances.add(one.process());
        first = one.port();
        PackagedInstance two = PackagedInstance.start(url, keys, Path.of("."), Map.of()).awaitReady();
        instances.add(two.process());
        second = two.port();
    }

    @AfterAll
    static void stop() throws IOException {
        instances.forEach(Process::destroy);
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String token(int port, String username, String password) {
        return given().port(port).contentType(ContentType.JSON).body(java.util.Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** The admin creates the people the test acts as, on one instance; their tokens work on both. */
    private static String user(String name, String role, String region, String district) {
        java.util.Map<String, Object> user = new java.util.HashMap<>(java.util.Map.of("username", name, "password", PASSWORD, "roles", List.of(role)));
        if (region != null) {
            user.put("region", region);
            user.put("district", district);
        }
        given().port(first).auth().oauth2(token(first, "admin", ADMIN_PASSWORD)).contentType(ContentType.JSON).body(user)
                .post("/api/v1/users").then().statusCode(201);
        return token(first, name, PASSWORD);
    }

    private static String caseWorker;

    /** The version that decides a case of today on this instance (the packaged instances run on the system clock). */
    private static String versionOn(int port) {
        String today = Households.onDate(Households.POOR_FAMILY_WITH_DISABLED_CHILD, java.time.LocalDate.now(ServiceClock.TASHKENT));
        return given().port(port).auth().oauth2(caseWorker).contentType(ContentType.JSON).body(today)
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
        caseWorker = user("caseworker", "case-worker", "NAMANGAN", "Chust");
        String policy = user("policy", "policy-officer", null, null);
        String approver = user("approver", "policy-approver", null, null);
        String auditor = user("auditor", "auditor", null, null);
        given().port(second).get("/api/v1/rule-sets").then().statusCode(401);
        assertEquals(RuleSets.REPOSITORY_VERSION, versionOn(second));
        String id = given().port(first).auth().oauth2(policy).multiPart("files", "parameters.drl.xlsx", Files.readAllBytes(Path.of("decision-tables/parameters.drl.xlsx")))
                .multiPart("version", "2026.1.9").post("/api/v1/rule-sets")
                .then().statusCode(201).extract().path("id");
        given().port(first).auth().oauth2(approver).post("/api/v1/rule-sets/" + id + "/approve")
                .then().statusCode(200);
        // the other instance compiles an approved version ahead of its activation
        Thread.sleep(20_000);

        given().port(first).auth().oauth2(approver).contentType(ContentType.JSON).body("{}").post("/api/v1/rule-sets/" + id + "/activate")
                .then().statusCode(200);
        waitForVersion(second, "2026.1.9");

        given().port(second).auth().oauth2(approver).post("/api/v1/rule-sets/rollback")
                .then().statusCode(200);
        waitForVersion(first, RuleSets.REPOSITORY_VERSION);

        // both instances wrote to one audit chain, and it holds together
        given().port(second).auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.is(true)).body("entries", org.hamcrest.Matchers.greaterThan(10));
    }
}
