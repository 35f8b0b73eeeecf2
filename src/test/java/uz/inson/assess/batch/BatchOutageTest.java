package uz.inson.assess.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uz.inson.assess.assessment.AssessmentEntity;
import uz.inson.assess.security.Roles;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.ProxiedDatabase;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away in the middle of a batch: the chunk stored before answers its results, the lines after
 * answer 503 problems and the stream ends normally; the same batch sent again stores each line once.
 */
@QuarkusTest
@TestProfile(ProxiedDatabase.class)
class BatchOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STORED_FIRST = BatchAssessor.CHUNK;
    private static final int LINES = STORED_FIRST + 3;

    @Test
    void linesAfterTheDatabaseWentAwayAnswer503AndARetryStoresEachLineOnce() throws Exception {
        long compiled = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < compiled) {
            Thread.sleep(250);
        }
        Auth.withRoles("batch-outage-client", Roles.INTEGRATION_CLIENT);
        String token = Auth.token("batch-outage-client");
        String externalId = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder first = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(Households.WELL_OFF_FAMILY);
            line.put("idempotencyKey", externalId + "-" + i);
            ((ObjectNode) line.get("household")).put("externalId", externalId);
            (i < STORED_FIRST ? first : rest).append(line).append('\n');
        }
        // a blank line (no answer) long enough to push the first chunk through the client's buffers before it waits
        first.append(" ".repeat(64 * 1024)).append('\n');

        List<JsonNode> answers;
        try {
            answers = send(given().auth().oauth2(token).body(new CutAfterFirstChunk(first.toString(), rest.toString(), externalId)));
        } finally {
            ProxiedDatabase.proxy().restore();
        }
        assertEquals(LINES, answers.size());
        for (int i = 0; i < LINES; i++) {
            JsonNode answer = answers.get(i);
            if (i < STORED_FIRST) {
                assertTrue(answer.at("/result/id").isTextual(), answer.toString());
            } else {
                assertEquals(503, answer.at("/problem/status").asInt(), answer.toString());
            }
        }

        long back = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> retried = List.of();
        byte[] whole = (first.toString() + rest).getBytes(StandardCharsets.UTF_8);
        while (System.nanoTime() < back && (retried.isEmpty() || retried.stream().anyMatch(a -> a.has("problem")))) {
            Thread.sleep(500);
            // until the service has its connections back, a whole request may still be a 503
            io.restassured.response.Response response = given().auth().oauth2(token).contentType("application/x-ndjson").body(whole)
                    .post("/api/v1/assessments/batch?detail=decision");
            retried = response.statusCode() == 200 ? lines(response.asString()) : List.of();
        }
        for (int i = 0; i < LINES; i++) {
            JsonNode answer = retried.get(i);
            assertEquals(i < STORED_FIRST, answer.has("alreadyStored"), answer.toString());
            if (i < STORED_FIRST) {
                assertEquals(answers.get(i).at("/result/id"), answer.at("/result/id"));
            }
        }
        assertEquals(LINES, stored(externalId), "each line stored once");
        given().auth().oauth2(Auth.token("auditor")).get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.is(true));
    }

    private static long stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.count("externalId", externalId));
    }

    private static List<JsonNode> send(RequestSpecification request) throws Exception {
        List<JsonNode> answers = lines(request.contentType("application/x-ndjson").post("/api/v1/assessments/batch?detail=decision")
                .then().statusCode(200).extract().asString());
        assertFalse(answers.isEmpty());
        return answers;
    }

    private static List<JsonNode> lines(String answer) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (String line : answer.split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    /** Sends the first chunk, waits until the service has stored it, cuts the database, then sends the rest. */
    private static final class CutAfterFirstChunk extends InputStream {
        private final byte[] first;
        private final byte[] rest;
        private final String externalId;
        private int position;
        private boolean cut;

        CutAfterFirstChunk(String first, String rest, String externalId) {
            this.first = first.getBytes(StandardCharsets.UTF_8);
            this.rest = rest.getBytes(StandardCharsets.UTF_8);
            this.externalId = externalId;
        }

        @Override
        public int read() {
            if (position == first.length && !cut) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (stored(externalId) < STORED_FIRST && System.nanoTime() < deadline) {
                    sleep();
                }
                ProxiedDatabase.proxy().cut();
                cut = true;
            }
            if (position < first.length) {
                return first[position++] & 0xff;
            }
            int at = position++ - first.length;
            return at < rest.length ? rest[at] & 0xff : -1;
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException());
            }
        }
    }
}
