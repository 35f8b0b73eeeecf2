package uz.inson.assess.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.PackagedInstance;
import uz.inson.assess.support.ParameterTables;
import uz.inson.assess.support.RuleSets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packaged instances on one PostgreSQL share jobs chunk by chunk; one is killed while it holds a chunk, whose lease runs
 * out and another instance does it again. An impact report is the one a single instance gives, with no household
 * counted twice; a batch job answers every line once and stores no line twice. The instances run outside the
 * repository, on the rule set packed into the application.
 */
class JobsIT {
    private static final String ADMIN_PASSWORD = PackagedInstance.ADMIN_PASSWORD;
    private static final String PASSWORD = "a-long-enough-password";
    /**
     * Households of the impact analyses: sixteen and twelve chunks, so that the work outlasts an instance's look for
     * chunks (once a second) even on a fast machine, and every instance gets some.
     */
    private static final int HOUSEHOLDS = 8_000;
    private static final int STORED = 6_000;
    private static EmbeddedPostgres postgres;
    private static Path keys;
    private static Path workDir;
    private static Process a;
    private static Process b;
    private static Process c;
    private static int portA;
    private static Path logA;

    @BeforeAll
    static void startThreeInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        keys = Files.createTempDirectory("inson-keys");
        workDir = Files.createTempDirectory("inson-instances");
        PackagedInstance first = start().awaitReady();
        a = first.process();
        portA = first.port();
        logA = first.log();
        PackagedInstance second = start();
        PackagedInstance third = start();
        b = second.awaitReady().process();
        c = third.awaitReady().process();
    }

    @AfterAll
    static void stop() throws IOException {
        for (Process p : new Process[] {a, b, c}) {
            if (p != null) {
                p.destroy();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static PackagedInstance start() throws IOException {
        // a short lease, so the dead instance's chunk is taken over within the test; a look for chunks every second
        // (Quarkus' scheduler runs nothing more often); run from a folder without the repository: the rule set imported
        // is the one packed into the application
        return PackagedInstance.start(postgres.getJdbcUrl("postgres", "postgres"), keys, workDir, Map.of(
                "INSON_IMPACT_LEASE", "5s", "INSON_IMPACT_POLL_EVERY", "1s", "INSON_IMPACT_PARALLELISM", "1",
                "INSON_BATCH_LEASE", "5s", "INSON_BATCH_POLL_EVERY", "1s", "INSON_BATCH_PARALLELISM", "1"));
    }

    private static String token(String username, String password) {
        return given().port(portA).contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String user(String name, String role) {
        given().port(portA).auth().oauth2(token("admin", ADMIN_PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "roles", List.of(role)))
                .post("/api/v1/users").then().statusCode(201);
        return token(name, PASSWORD);
    }

    /**
     * A draft that raises the subsistence minimum from 720,000 to 760,000: families near it gain and lose services. The
     * tests that need it share it, whichever runs first.
     */
    private static String draftRaisingTheMinimum(String policy) throws IOException {
        JsonPath versions = given().port(portA).auth().oauth2(policy).get("/api/v1/rule-sets?size=200").then()
                .body("items.find { it.status == 'ACTIVE' }.version", org.hamcrest.Matchers.equalTo(RuleSets.REPOSITORY_VERSION))
                .extract().jsonPath();
        String uploaded = versions.getString("items.find { it.version == '2026.3.0' }.id");
        if (uploaded != null) {
            return uploaded;
        }
        String active = versions.getString("items.find { it.status == 'ACTIVE' }.id");
        byte[] parameters = given().port(portA).auth().oauth2(policy).get("/api/v1/rule-sets/" + active + "/files/decision-tables/parameters.drl.xlsx")
                .then().statusCode(200).extract().asByteArray();
        return given().port(portA).auth().oauth2(policy).multiPart("files", "parameters.drl.xlsx", ParameterTables.withMinimum(parameters, 720_000, 760_000))
                .multiPart("version", "2026.3.0").post("/api/v1/rule-sets").then().statusCode(201).extract().path("id");
    }

    /** The DESIGN §4 family with wages from 0 to 3 million, in four regions. */
    private static byte[] population() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        String[] regions = {"NAMANGAN", "FERGANA", "SAMARKAND", "KARAKALPAKSTAN"};
        for (int i = 0; i < HOUSEHOLDS; i++) {
            ObjectNode request = (ObjectNode) json.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
            ObjectNode household = (ObjectNode) request.get("household");
            household.put("externalId", "SP-IT-" + i);
            household.put("region", regions[i % regions.length]);
            ((ObjectNode) household.get("monthlyIncome")).put("wages", (i * 1_000L) % 3_000_000);
            lines.append(json.writeValueAsString(request)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String startJob(String policy, String draft, byte[] population) {
        return given().port(portA).auth().oauth2(policy).contentType("application/x-ndjson").body(population)
                .post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId");
    }

    private static JsonPath waitUntilDone(String policy, String job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonPath report = given().port(portA).auth().oauth2(policy).get("/api/v1/impact-jobs/" + job).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(report.getString("progress.status"))) {
                return report;
            }
            assertEquals("RUNNING", report.getString("progress.status"));
            Thread.sleep(250);
        }
        throw new AssertionError("job " + job + " never finished");
    }

    /** A generated population, each line with an idempotency key of its own. */
    private static byte[] keyedPopulation(int households) throws IOException {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new PopulationGenerator(2026, LocalDate.parse(Households.AS_OF)).write(households, generated);
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        String[] rows = generated.toString(StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < rows.length; i++) {
            ObjectNode line = (ObjectNode) json.readTree(rows[i]);
            line.put("idempotencyKey", "IT-" + i);
            lines.append(line).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Run from a folder without the repository, an instance compiles the rule set packed into it, and takes every
     * spreadsheet as the build read it (pom.xml, SpreadsheetReads) instead of opening it with POI: its log says so.
     */
    @Test
    void anInstanceStartsFromTheSpreadsheetsTheBuildReadAndTheRulesItCompiled() throws IOException {
        long spreadsheets;
        try (var files = Files.list(Path.of("decision-tables"))) {
            spreadsheets = files.filter(file -> file.toString().endsWith(".xlsx")).count();
        }
        String log = Files.readString(logA);
        assertTrue(log.contains("(" + spreadsheets + " of its " + spreadsheets + " spreadsheets as the build read them; its rules as compiled before)"),
                () -> "the start read its spreadsheets or compiled its rules itself:\n" + log.lines().filter(l -> l.contains("compiled in")).toList());
    }

    @Test
    void aBatchJobSurvivesTheDeathOfAnInstanceAndStoresEveryLineOnce() throws Exception {
        String integration = user("integration", "integration-client");
        PackagedInstance doomed = start().awaitReady();
        byte[] population = keyedPopulation(3_000);
        String job = given().port(portA).auth().oauth2(integration).contentType("application/x-ndjson").body(population)
                .post("/api/v1/batch-jobs?detail=decision").then().statusCode(202).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String heldByDoomed = "from batch_chunk where status = 'RUNNING' and owner like '" + doomed.process().pid() + "@%'";
        while (count("select count(*) " + heldByDoomed) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the doomed instance never claimed a chunk");
            Thread.sleep(20);
        }
        long chunk = count("select min(chunk) " + heldByDoomed);
        doomed.process().destroyForcibly().waitFor();

        deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!"DONE".equals(given().port(portA).auth().oauth2(integration).get("/api/v1/batch-jobs/" + job).then().statusCode(200).extract().path("status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the batch job never finished");
            Thread.sleep(250);
        }
        assertEquals(1, count("select count(*) from batch_chunk where job_id = '" + job + "' and chunk = " + chunk
                        + " and status = 'DONE' and attempts > 1 and owner not like '" + doomed.process().pid() + "@%'"),
                "the dead instance's chunk was claimed again by another instance and finished");
        String[] answers = given().port(portA).auth().oauth2(integration).get("/api/v1/batch-jobs/" + job + "/answers")
                .then().statusCode(200).extract().asString().split("\n");
        assertEquals(3_000, answers.length);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < answers.length; i++) {
            assertEquals(i + 1, json.readTree(answers[i]).get("line").asInt(), "every line once, in input order");
        }
        assertEquals(3_000, count("select count(*) from assessment where batch_id = '" + job + "'"), "every line stored once");
        assertEquals(3_000, count("select count(distinct idempotency_key) from assessment where batch_id = '" + job + "'"));
        assertEquals(Math.ceil(3_000 / 200.0), count("select count(*) from audit_entry where action = 'POST /api/v1/batch-jobs' and object_id like 'batch "
                + job + " %'"), "one audit entry a stored chunk, none for the chunk lost with its instance");
    }

    /**
     * The population a registry's analysis runs over: the latest stored assessment of every household, cut into chunks of
     * ids by PostgreSQL, whose "against" side is read from the stored decisions. An instance dies holding one of them.
     */
    @Test
    void anAnalysisOfTheStoredHouseholdsSurvivesTheDeathOfAnInstanceAndCountsEachOnce() throws Exception {
        String integration = user("stored-integration", "integration-client");
        String policy = user("stored-policy", "policy-officer");
        String answered = given().port(portA).auth().oauth2(integration).contentType("application/x-ndjson").body(keyedPopulation(STORED))
                .post("/api/v1/assessments/batch?detail=decision").then().statusCode(200).extract().asString();
        assertEquals(STORED, answered.lines().filter(line -> line.contains("\"result\"")).count(), "every household stored (read to the end)");
        long stored = count("select count(distinct coalesce(external_id, id::text)) from assessment");
        assertTrue(stored >= STORED, "households stored: " + stored);
        String draft = draftRaisingTheMinimum(policy);
        PackagedInstance doomed = start().awaitReady();

        String job = given().port(portA).auth().oauth2(policy).post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String heldByDoomed = "from impact_chunk where job_id = '" + job + "' and status = 'RUNNING' and owner like '" + doomed.process().pid() + "@%'";
        while (count("select count(*) " + heldByDoomed) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the doomed instance never claimed a chunk");
            Thread.sleep(20);
        }
        long chunk = count("select min(chunk) " + heldByDoomed);
        doomed.process().destroyForcibly().waitFor();
        JsonPath survived = waitUntilDone(policy, job);

        assertEquals(1, count("select count(*) from impact_chunk where job_id = '" + job + "' and chunk = " + chunk
                        + " and status = 'DONE' and attempts > 1 and owner not like '" + doomed.process().pid() + "@%'"),
                "the dead instance's chunk was claimed again by another instance and finished");
        assertEquals(stored, survived.getLong("progress.processed"));
        long counted = survived.getMap("byRegion").values().stream().mapToLong(area -> ((Number) ((Map<?, ?>) area).get("households")).longValue()).sum();
        assertEquals(stored, counted, "every stored household counted once");
        assertTrue(count("select count(*) from impact_chunk where job_id = '" + job + "'") > 1, "the population was cut into chunks");

        // nothing was stored since: the same analysis, with no instance lost, gives the same report
        String again = given().port(portA).auth().oauth2(policy).post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId");
        JsonPath undisturbed = waitUntilDone(policy, again);
        assertEquals(undisturbed.getMap("byRegion"), survived.getMap("byRegion"));
        assertEquals(undisturbed.getList("services"), survived.getList("services"));
        assertEquals(undisturbed.getLong("monthlyCashChangeUzs"), survived.getLong("monthlyCashChangeUzs"));
        assertEquals(undisturbed.getInt("affectedHouseholds"), survived.getInt("affectedHouseholds"));
        assertTrue(survived.getInt("affectedHouseholds") > 0, "raising the minimum changes something");
    }

    @Test
    void aJobSurvivesTheDeathOfAnInstanceAndCountsEveryHouseholdOnce() throws Exception {
        String policy = user("policy", "policy-officer");
        String draft = draftRaisingTheMinimum(policy);
        byte[] population = population();

        String spread = startJob(policy, draft, population);
        // kill the second instance while it holds a chunk
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String heldByB = "from impact_chunk where status = 'RUNNING' and owner like '" + b.pid() + "@%'";
        while (count("select count(*) " + heldByB) == 0) {
            assertTrue(Instant.now().isBefore(deadline), "the second instance never claimed a chunk");
            Thread.sleep(50);
        }
        long chunk = count("select min(chunk) " + heldByB);
        b.destroyForcibly().waitFor();
        JsonPath together = waitUntilDone(policy, spread);

        String held = "from impact_chunk where job_id = '" + spread + "' and chunk = " + chunk;
        assertEquals(1, count("select count(*) " + held + " and status = 'DONE' and attempts > 1 and owner not like '" + b.pid() + "@%'"),
                "the dead instance's chunk was claimed again by another instance and finished");
        assertEquals(HOUSEHOLDS, together.getInt("progress.processed"));
        long counted = together.getMap("byRegion").values().stream().mapToLong(area -> ((Number) ((Map<?, ?>) area).get("households")).longValue()).sum();
        assertEquals(HOUSEHOLDS, counted, "every household counted once");
        assertTrue(together.getInt("affectedHouseholds") > 0, "raising the minimum changes something");

        // the same analysis on one instance alone
        c.destroy();
        c.waitFor();
        String alone = startJob(policy, draft, population);
        JsonPath single = waitUntilDone(policy, alone);
        assertEquals(single.getMap("byRegion"), together.getMap("byRegion"));
        assertEquals(single.getList("services"), together.getList("services"));
        assertEquals(single.getMap("riskLevelTransitions"), together.getMap("riskLevelTransitions"));
        assertEquals(single.getMap("casePathTransitions"), together.getMap("casePathTransitions"));
        assertEquals(single.getLong("monthlyCashChangeUzs"), together.getLong("monthlyCashChangeUzs"));
        assertEquals(single.getInt("affectedHouseholds"), together.getInt("affectedHouseholds"));
        String spreadCsv = given().port(portA).auth().oauth2(policy).get("/api/v1/impact-jobs/" + spread + "/households.csv").then().statusCode(200).extract().asString();
        String aloneCsv = given().port(portA).auth().oauth2(policy).get("/api/v1/impact-jobs/" + alone + "/households.csv").then().statusCode(200).extract().asString();
        assertEquals(aloneCsv, spreadCsv, "the same households, in the same order");
    }
}
