package uz.inson.assess.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.assessment.AssessmentEntity;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.HeldBackUpload;
import uz.inson.assess.support.Households;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asynchronous batch: an upload becomes a stored job whose answers are the streamed batch's, line for line. */
@QuarkusTest
class BatchJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "/api/v1/batch-jobs";

    @Inject
    BatchJobs jobs;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;
    @TestHTTPResource(JOBS)
    URL jobsUrl;

    private static JsonPath start(Supplier<RequestSpecification> caller, String query, byte[] body) {
        return caller.get().contentType("application/x-ndjson").body(body).post(JOBS + query)
                .then().statusCode(202).header("Location", matchesPattern("/api/v1/batch-jobs/[0-9a-f-]{36}")).extract().jsonPath();
    }

    /** An uploaded job is RUNNING from its 202 on; a generated one is RECEIVING first, while the service makes its households. */
    private static JsonPath waitUntilDone(Supplier<RequestSpecification> caller, String job) throws InterruptedException {
        return waitUntilDone(caller, job, Set.of("RUNNING"));
    }

    private static JsonPath waitUntilDone(Supplier<RequestSpecification> caller, String job, Set<String> before) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonPath progress = caller.get().get(JOBS + "/" + job).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(progress.getString("status"))) {
                return progress;
            }
            assertTrue(before.contains(progress.getString("status")), progress.getString("status"));
            Thread.sleep(100);
        }
        throw new AssertionError("batch job " + job + " never finished");
    }

    private static List<JsonNode> answers(Supplier<RequestSpecification> caller, String job) throws Exception {
        String body = caller.get().get(JOBS + "/" + job + "/answers").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : body.split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    private static byte[] population(int households, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PopulationGenerator(seed, LocalDate.parse(Households.AS_OF)).write(households, out);
        return out.toByteArray();
    }

    /** Each line with an idempotency key and an external id of its own; line {@code bad} (from 1) is not JSON. */
    private static byte[] keyed(byte[] population, String prefix, int bad) throws Exception {
        StringBuilder lines = new StringBuilder();
        String[] rows = new String(population, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < rows.length; i++) {
            if (i + 1 == bad) {
                lines.append("{\"household\": broken\n");
                continue;
            }
            ObjectNode line = (ObjectNode) JSON.readTree(rows[i]);
            line.put("idempotencyKey", prefix + "-" + i);
            ((ObjectNode) line.get("household")).put("externalId", prefix + "-" + i);
            lines.append(line).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The job's chunks that still hold their uploaded lines (households with PINFLs and names). */
    private long chunksHoldingLines(String job) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from batch_chunk where job_id = ?1 and items <> '[]'").setParameter(1, UUID.fromString(job)).getSingleResult()).longValue());
    }

    private static long storedUnder(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.count("externalId like ?1", prefix + "-%"));
    }

    @Test
    void aJobAnswersEveryLineAsTheStreamedBatchDoes() throws Exception {
        byte[] population = population(450, 11);
        JsonPath started = start(() -> Auth.as("integration"), "?persist=false&detail=decision", population);
        assertEquals(450, started.getInt("lines"));
        String job = started.getString("id");
        JsonPath done = waitUntilDone(() -> Auth.as("integration"), job);
        assertEquals(450, done.getInt("processed"));
        assertEquals(100, done.getInt("percent"));
        assertEquals(450, done.getInt("results") + done.getInt("problems"));

        String streamed = Auth.as("integration").contentType("application/x-ndjson").body(population)
                .post("/api/v1/assessments/batch?persist=false&detail=decision").then().statusCode(200).extract().asString();
        List<JsonNode> expected = new ArrayList<>();
        for (String line : streamed.split("\n")) {
            expected.add(JSON.readTree(line));
        }
        assertEquals(expected, answers(() -> Auth.as("integration"), job), "three chunks, answered in input order as the stream answers them");
        assertEquals(0, chunksHoldingLines(job), "an answered chunk keeps its answers, not the households it was sent");

        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher answered = java.util.regex.Pattern.compile("(?m)^inson_batch_job_lines_total ([0-9.E]+)$").matcher(metrics);
        assertTrue(answered.find() && Double.parseDouble(answered.group(1)) >= 450, "lines answered by this instance");
        Instant deadline = Instant.now().plusSeconds(10);
        while (!io.restassured.RestAssured.given().get("/q/metrics").asString().contains("inson_batch_job_lines_waiting 0.0")) {
            assertTrue(Instant.now().isBefore(deadline), "nothing waits once the job is done");
            Thread.sleep(200);
        }
    }

    @Test
    void aStoredJobStoresEachLineOnceAuditsEachChunkAndARetriedJobStoresNothingNew() throws Exception {
        String prefix = "J-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] lines = keyed(population(250, 12), prefix, 120);
        String job = start(() -> Auth.as("integration"), "?detail=decision", lines).getString("id");
        JsonPath done = waitUntilDone(() -> Auth.as("integration"), job);
        assertEquals(1, done.getInt("problems"), "the broken line");
        List<JsonNode> answers = answers(() -> Auth.as("integration"), job);
        assertEquals(250, answers.size());
        assertEquals(400, answers.get(119).at("/problem/status").asInt(), answers.get(119).toString());
        assertEquals(121, answers.get(120).get("line").asInt());
        assertNotNull(answers.get(120).at("/result/id").textValue(), "a stored line points at its assessment");
        assertEquals(249, storedUnder(prefix));
        Auth.as("auditor").queryParam("action", BatchJobs.ACTION).get("/api/v1/audit").then().statusCode(200)
                .body("items.objectId", hasItem("batch " + job + " lines 1-200: 199 stored"))
                .body("items.objectId", hasItem("batch " + job + " lines 201-250: 50 stored"));

        String retry = start(() -> Auth.as("integration"), "?detail=decision", lines).getString("id");
        waitUntilDone(() -> Auth.as("integration"), retry);
        List<JsonNode> again = answers(() -> Auth.as("integration"), retry);
        assertEquals(answers.get(0).at("/result/id"), again.get(0).at("/result/id"));
        assertTrue(again.get(0).get("alreadyStored").asBoolean());
        assertEquals(249, storedUnder(prefix), "nothing stored twice");
    }

    /** The estimate follows the pace since the job began to run, not since its upload began. */
    @Test
    void theTimeLeftIsEstimatedFromThePaceSinceTheJobBeganToRun() throws Exception {
        String job = start(() -> Auth.as("integration"), "?persist=false&detail=decision", population(450, 17)).getString("id");
        waitUntilDone(() -> Auth.as("integration"), job);
        UUID id = UUID.fromString(job);
        try {
            // as if the upload took an hour, the job has run for 10 s, and its last chunk (50 lines) is held by another instance
            QuarkusTransaction.requiringNew().run(() -> {
                OffsetDateTime now = OffsetDateTime.now(clock); // the service's clock, whatever day the tests run
                entityManager.createNativeQuery("""
                        update batch_job set status = 'RUNNING', finished_at = null, created_at = ?2, updated_at = ?3 where id = ?1""")
                        .setParameter(1, id).setParameter(2, now.minusHours(1)).setParameter(3, now.minusSeconds(10)).executeUpdate();
                entityManager.createNativeQuery("""
                        update batch_chunk set status = 'RUNNING', owner = 'elsewhere', lease_until = ?2 where job_id = ?1 and chunk = 2""")
                        .setParameter(1, id).setParameter(2, now.plusHours(1)).executeUpdate();
            });
            JsonPath running = Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).body("status", is("RUNNING")).extract().jsonPath();
            assertEquals(400, running.getInt("processed"));
            int eta = running.getInt("etaSeconds");
            assertTrue(eta >= 1 && eta <= 3, "10 s for 400 lines, so about 1 s for the last 50, not 7 minutes: " + eta);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("update batch_chunk set status = 'DONE', owner = null, lease_until = null where job_id = ?1 and chunk = 2")
                        .setParameter(1, id).executeUpdate();
                entityManager.createNativeQuery("update batch_job set status = 'DONE', finished_at = ?2 where id = ?1")
                        .setParameter(1, id).setParameter(2, OffsetDateTime.now(clock)).executeUpdate();
            });
        }
    }

    @Test
    void aJobIsItsCallersAlone() throws Exception {
        String job = start(() -> Auth.as("integration"), "?persist=false&detail=decision", population(3, 13)).getString("id");
        waitUntilDone(() -> Auth.as("integration"), job);
        Auth.withRoles("other-integration", "integration-client").get(JOBS + "/" + job).then().statusCode(404);
        Auth.withRoles("other-integration", "integration-client").get(JOBS + "/" + job + "/answers").then().statusCode(404);
        Auth.withRoles("other-integration", "integration-client").delete(JOBS + "/" + job).then().statusCode(404);
        Auth.as("integration").get(JOBS + "?size=100").then().statusCode(200).body("items.id", hasItem(job));
        Auth.withRoles("other-integration", "integration-client").get(JOBS).then().statusCode(200).body("total", is(0));
        Auth.as("auditor").get(JOBS).then().statusCode(403);
    }

    @Test
    void answersWaitForTheEndAndACancelledJobKeepsWhatWasAnswered() throws Exception {
        String job = start(() -> Auth.as("integration"), "?persist=false", population(2_000, 14)).getString("id");
        JsonPath cancelled = Auth.as("integration").delete(JOBS + "/" + job).then().statusCode(200).extract().jsonPath();
        assertEquals(0, chunksHoldingLines(job), "the lines not answered are dropped with the cancellation, the answered ones as they were answered");
        // the job may have finished before it was cancelled; either way no chunk starts after the answer
        if (cancelled.getString("status").equals("CANCELLED")) {
            Thread.sleep(1_500); // a chunk under way when the job was cancelled finishes and counts
            int processed = Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).extract().path("processed");
            assertTrue(processed < 2_000, "cancelled before the end: " + processed);
            Thread.sleep(1_000);
            assertEquals(processed, (int) Auth.as("integration").get(JOBS + "/" + job).then().extract().path("processed"), "nothing started after");
            List<JsonNode> answers = processed == 0 ? List.of() : answers(() -> Auth.as("integration"), job);
            assertEquals(processed, answers.size());
        } else {
            assertEquals("DONE", cancelled.getString("status"));
        }

        String running = start(() -> Auth.as("integration"), "?persist=false", population(2_000, 15)).getString("id");
        var early = Auth.as("integration").get(JOBS + "/" + running + "/answers");
        if (early.statusCode() == 409) {
            early.then().contentType("application/problem+json").body("code", is("job-not-finished"));
        } else {
            assertEquals(200, early.statusCode());
            assertEquals("DONE", Auth.as("integration").get(JOBS + "/" + running).then().extract().path("status"));
        }
        Auth.as("integration").delete(JOBS + "/" + running).then().statusCode(200);
    }

    /** An upload still being read can be cancelled (the caller's list shows it RECEIVING): it ends CANCELLED, not RUNNING. */
    @Test
    void aJobCancelledWhileItIsUploadedStaysCancelledAndKeepsNoLines() throws Exception {
        byte[] population = population(600, 23);
        // the second half is sent once the job is cancelled
        HeldBackUpload upload = new HeldBackUpload(URI.create(jobsUrl + "?persist=false"), "integration", population, 300);
        String job = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (job == null) {
            assertTrue(Instant.now().isBefore(deadline), "the upload never showed as RECEIVING");
            List<String> receiving = Auth.as("integration").get(JOBS + "?size=100").then().statusCode(200).extract()
                    .path("items.findAll { it.status == 'RECEIVING' }.id");
            job = receiving.isEmpty() ? null : receiving.get(0);
            Thread.sleep(50);
        }
        while (chunksHoldingLines(job) == 0) { // the first 200 lines are stored as a chunk before the cancellation
            assertTrue(Instant.now().isBefore(deadline), "no chunk was stored");
            Thread.sleep(50);
        }
        Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).body("status", is("RECEIVING"))
                .body("lines", is(200)).body("percent", is(0)); // the lines received so far: one chunk, the rest of the half still being read
        Auth.as("integration").delete(JOBS + "/" + job).then().statusCode(200).body("status", is("CANCELLED"));
        upload.release();

        HttpResponse<String> received = upload.answer().get(60, TimeUnit.SECONDS);
        assertEquals(202, received.statusCode(), received.body());
        JsonNode answered = JSON.readTree(received.body());
        assertEquals("CANCELLED", answered.get("status").asText());
        assertEquals(600, answered.get("lines").asInt(), "every line sent is counted, though the ones after the cancellation are not kept");
        assertEquals(0, answered.get("percent").asInt());
        Thread.sleep(1_500); // a poll of the job's chunks would have claimed one by now
        Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).body("status", is("CANCELLED")).body("processed", is(0));
        assertEquals(0, chunksHoldingLines(job));
    }

    @Test
    void aJobFinishedLongerAgoThanItIsKeptIsRemovedWithItsLinesAndAnswers() throws Exception {
        String old = start(() -> Auth.as("integration"), "?persist=false", population(3, 21)).getString("id");
        String recent = start(() -> Auth.as("integration"), "?persist=false", population(3, 22)).getString("id");
        waitUntilDone(() -> Auth.as("integration"), old);
        JsonPath done = waitUntilDone(() -> Auth.as("integration"), recent);
        assertEquals(Instant.parse(done.getString("finishedAt")).plus(Duration.ofDays(30)), Instant.parse(done.getString("keptUntil")));
        // finished a minute more than inson.batch.keep-finished (30 days) ago, by the service's clock
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update batch_job set finished_at = finished_at - interval '30 days 1 minute' where id = ?1")
                .setParameter(1, UUID.fromString(old)).executeUpdate());

        jobs.sweep();

        Auth.as("integration").get(JOBS + "/" + old).then().statusCode(404);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from batch_chunk where job_id = ?1").setParameter(1, UUID.fromString(old)).getSingleResult()).longValue()));
        assertEquals(3, answers(() -> Auth.as("integration"), recent).size());
    }

    @Test
    void aGeneratedPopulationIsAnsweredAsTheSameHouseholdsUploadedAndNothingIsStored() throws Exception {
        JsonPath started = Auth.as("integration").contentType("application/json")
                .body("{\"households\": 450, \"seed\": 15, \"asOf\": \"" + Households.AS_OF + "\"}").post(JOBS + "/generated?detail=decision&lang=ru")
                .then().statusCode(202).header("Location", matchesPattern("/api/v1/batch-jobs/[0-9a-f-]{36}")).extract().jsonPath();
        assertFalse(started.getBoolean("persist"), "a generated population is a dry run");
        assertEquals("ru", started.getString("language"));
        String job = started.getString("id");
        JsonPath done = waitUntilDone(() -> Auth.as("integration"), job, Set.of("RECEIVING", "RUNNING"));
        assertEquals(450, done.getInt("lines"));
        assertEquals(450, done.getInt("results"), "every generated household is one the service accepts");

        String streamed = Auth.as("integration").contentType("application/x-ndjson").body(population(450, 15))
                .post("/api/v1/assessments/batch?persist=false&detail=decision&lang=ru").then().statusCode(200).extract().asString();
        List<JsonNode> expected = new ArrayList<>();
        for (String line : streamed.split("\n")) {
            expected.add(JSON.readTree(line));
        }
        assertEquals(expected, answers(() -> Auth.as("integration"), job), "the households the generator makes for the same seed and date");
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from assessment where batch_id = ?1").setParameter(1, UUID.fromString(job)).getSingleResult()).longValue());
        assertEquals(0, stored, "nobody in it exists, so nothing is stored");
    }

    @Test
    void aGeneratedPopulationCancelledWhileItIsMadeStopsBeingMade() throws Exception {
        String job = Auth.as("integration").contentType("application/json").body("{\"households\": 1000000, \"seed\": 16}")
                .post(JOBS + "/generated?detail=decision").then().statusCode(202).extract().path("id");
        Auth.as("integration").delete(JOBS + "/" + job).then().statusCode(200).body("status", is("CANCELLED"));
        Instant deadline = Instant.now().plusSeconds(30);
        int lines = 0;
        while (lines == 0) { // the making stops at its next chunk and counts what it made
            assertTrue(Instant.now().isBefore(deadline), "the generator never stopped");
            Thread.sleep(100);
            lines = Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).body("status", is("CANCELLED")).extract().path("lines");
        }
        assertTrue(lines < 1_000_000, "stopped after " + lines + " households");
        assertEquals(0, chunksHoldingLines(job));
        Thread.sleep(1_500);
        Auth.as("integration").get(JOBS + "/" + job).then().statusCode(200).body("lines", is(lines)).body("processed", is(0));
    }

    @Test
    void aGeneratedPopulationOutOfRangeOrStoredIsRefusedNamingWhatIsWrongAndLeavesNoJob() {
        long before = Auth.as("integration").get(JOBS).then().statusCode(200).extract().jsonPath().getLong("total");
        for (String households : List.of("0", "1000001", "null")) {
            Auth.as("integration").contentType("application/json").body("{\"households\": " + households + "}").post(JOBS + "/generated")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("households"));
        }
        Auth.as("integration").contentType("application/json").body("{\"households\": 5, \"people\": 5}").post(JOBS + "/generated")
                .then().statusCode(400).contentType("application/problem+json");
        Auth.as("integration").contentType("application/json").body("{\"households\": 5}").post(JOBS + "/generated?persist=true")
                .then().statusCode(400).contentType("application/problem+json");
        Auth.as("integration").contentType("application/json").body("{\"households\": 5}").post(JOBS + "/generated?detail=short")
                .then().statusCode(400).body("violations[0].field", is("detail"));
        Auth.as("integration").get(JOBS).then().statusCode(200).body("total", is((int) before));
    }

    @Test
    void anEmptyUploadOrAWrongOptionIsRefusedAndLeavesNoJob() {
        long before = Auth.as("integration").get(JOBS).then().statusCode(200).extract().jsonPath().getLong("total");
        Auth.as("integration").contentType("application/x-ndjson").body("\n\n".getBytes(StandardCharsets.UTF_8)).post(JOBS)
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("body"));
        Auth.as("integration").contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8)).post(JOBS + "?detail=short")
                .then().statusCode(400).body("violations[0].field", is("detail"));
        Auth.as("integration").get(JOBS).then().statusCode(200).body("total", is((int) before));
    }
}
