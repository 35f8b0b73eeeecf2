package uz.inson.assess.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.assessment.AssessmentEntity;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BatchResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "/api/v1/assessments/batch";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A household as one NDJSON line, under an external id of its own so a test can count what it stored. */
    private static String line(String household, String id, String idempotencyKey, String externalId) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(household);
        if (id != null) {
            node.put("id", id);
        }
        if (idempotencyKey != null) {
            node.put("idempotencyKey", idempotencyKey);
        }
        if (externalId != null) {
            ((ObjectNode) node.get("household")).put("externalId", externalId);
        }
        return node.toString();
    }

    private static List<JsonNode> send(RequestSpecification caller, String query, List<String> lines) throws Exception {
        return send(caller, query, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> send(RequestSpecification caller, String query, byte[] body) throws Exception {
        String answer = caller.contentType("application/x-ndjson").body(body).post(BATCH + query)
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : answer.split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    private static long stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.count("externalId", externalId));
    }

    private static String unique() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18);
    }

    @Test
    void shouldAnswerEveryLineInInputOrderWithItsId() throws Exception {
        List<String> households = List.of(Households.POOR_FAMILY_WITH_DISABLED_CHILD, Households.WELL_OFF_FAMILY,
                Households.DOMESTIC_VIOLENCE_VICTIM, Households.JUST_ABOVE_THE_MINIMUM);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(line(households.get(i % households.size()), "row-" + i, null, null));
        }
        List<JsonNode> answers = send(Auth.as("integration"), "?persist=false&detail=decision", lines);
        assertEquals(12, answers.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(i + 1, answers.get(i).get("line").asInt());
            assertEquals("row-" + i, answers.get(i).get("id").asText());
            assertNotNull(answers.get(i).get("result"), answers.get(i).toString());
        }
        assertEquals("INTENSIVE_CASE", answers.get(0).at("/result/casePath").asText());
        assertEquals("URGENT_CRISIS", answers.get(2).at("/result/casePath").asText(), "the mother who fled violence: same-day contact");
    }

    @Test
    void aBadLineInTheMiddleIsAProblemLineNamingItsFieldAndTheRestAreDecided() throws Exception {
        String good = line(Households.WELL_OFF_FAMILY, null, null, null);
        List<String> lines = List.of(good,
                "this is not JSON",
                good,
                good.replace("\"sex\":\"M\"", "\"sex\":\"X\""),
                good.replace("\"birthDate\":\"2013-01-15\"", "\"birthDate\":\"2099-01-15\""),
                "",
                good.replace("\"wages\":14000000", "\"wages\":\"many\""),
                good);
        List<JsonNode> answers = send(Auth.as("integration"), "?persist=false", lines);
        assertEquals(7, answers.size(), "a blank line gets no answer");
        assertEquals(List.of(1, 2, 3, 4, 5, 7, 8), answers.stream().map(a -> a.get("line").asInt()).toList());
        assertNotNull(answers.get(0).get("result"));
        assertEquals(400, answers.get(1).at("/problem/status").asInt());
        assertEquals("line", answers.get(1).at("/problem/violations/0/field").asText(), "unreadable JSON names the line");
        assertNotNull(answers.get(2).get("result"));
        assertEquals("household.members[0].sex", answers.get(3).at("/problem/violations/0/field").asText(), answers.get(3).toString());
        assertEquals("household.members[2].birthDate", answers.get(4).at("/problem/violations/0/field").asText(), answers.get(4).toString());
        assertEquals("household.monthlyIncome.wages", answers.get(5).at("/problem/violations/0/field").asText(), answers.get(5).toString());
        assertNotNull(answers.get(6).get("result"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("inson_batch_lines_total{outcome=\"problem\""));
    }

    @Test
    void aDryRunStoresNothingAndAStoredBatchIsAuditedByChunk() throws Exception {
        String externalId = unique();
        List<String> lines = List.of(line(Households.JUST_ABOVE_THE_MINIMUM, null, null, externalId));
        JsonNode dry = send(Auth.as("integration"), "?persist=false", lines).get(0);
        assertNull(dry.at("/result/id").textValue(), "nothing stored, so no id");
        assertEquals(0, stored(externalId));

        JsonNode kept = send(Auth.as("integration"), "", lines).get(0);
        assertEquals(1, stored(externalId));
        String id = kept.at("/result/id").asText();
        Auth.as("integration").get("/api/v1/assessments/" + id).then().statusCode(200);
        Auth.as("auditor").queryParam("action", "POST /api/v1/assessments/batch").get("/api/v1/audit").then().statusCode(200)
                .body("items.objectId", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.matchesPattern("batch [0-9a-f-]{36} lines 1-1: 1 stored")));
        Auth.as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("intact", org.hamcrest.Matchers.is(true));
    }

    @Test
    void theDecisionDetailCarriesCodesPackageRiskAndPathWithoutSentences() throws Exception {
        JsonNode result = send(Auth.as("integration"), "?persist=false&detail=decision",
                List.of(line(Households.POOR_FAMILY_WITH_DISABLED_CHILD, null, null, null))).get(0).get("result");
        assertTrue(result.get("services").size() > 0);
        assertTrue(result.at("/package/monthlyCashUzs").asLong() > 0);
        assertNotNull(result.get("riskLevel"));
        assertEquals("INTENSIVE_CASE", result.get("casePath").asText());
        String text = result.toString();
        assertFalse(text.contains("reason") || text.contains("text") || text.contains("name"), text);
    }

    @Test
    void aRetriedIdempotencyKeyStoresNoDuplicateAndAnswersTheStoredResult() throws Exception {
        String externalId = unique();
        String key = "key-" + externalId;
        List<String> lines = List.of(line(Households.WELL_OFF_FAMILY, "a", key, externalId), line(Households.WELL_OFF_FAMILY, "b", key, externalId));
        List<JsonNode> first = send(Auth.as("integration"), "?detail=decision", lines);
        String id = first.get(0).at("/result/id").asText();
        assertNull(first.get(0).get("alreadyStored"));
        assertEquals(id, first.get(1).at("/result/id").asText(), "the same key twice in one batch");
        assertTrue(first.get(1).get("alreadyStored").asBoolean());

        List<JsonNode> retried = send(Auth.as("integration"), "", lines.subList(0, 1));
        assertEquals(id, retried.get(0).at("/result/id").asText());
        assertTrue(retried.get(0).get("alreadyStored").asBoolean());
        assertTrue(retried.get(0).at("/result/casePath/reason").isTextual(), "detail=full answers the stored answer in full");
        assertEquals(1, stored(externalId));
        JsonNode reused = send(Auth.as("integration"), "", List.of(line(Households.JUST_ABOVE_THE_MINIMUM, "c", key, externalId))).get(0);
        assertEquals(422, reused.at("/problem/status").asInt(), "a key used for another household answers nothing stored for that one");
        assertEquals("idempotencyKey", reused.at("/problem/violations/0/field").asText());
        assertEquals(1, stored(externalId));
        // the key is the caller's own: another caller's same key is another line
        send(Auth.withRoles("other-integration", "integration-client"), "", lines.subList(0, 1));
        assertEquals(2, stored(externalId));
    }

    @Test
    void aCaseWorkersLineOutsideTheirTerritoryIsA403ProblemLine() throws Exception {
        String chust = unique();
        String urgut = unique();
        List<JsonNode> answers = send(Auth.as("caseworker"), "", List.of(line(Households.POOR_FAMILY_WITH_DISABLED_CHILD, null, null, chust),
                line(Households.DOMESTIC_VIOLENCE_VICTIM, null, null, urgut)));
        assertNotNull(answers.get(0).get("result"));
        assertNotNull(answers.get(0).at("/result/derived"), "a case worker sees the whole answer");
        assertEquals(403, answers.get(1).at("/problem/status").asInt());
        assertEquals("outside-territory", answers.get(1).at("/problem/code").asText());
        assertEquals(1, stored(chust));
        assertEquals(0, stored(urgut));
    }

    @Test
    void aLineIsDecidedExactlyAsTheSingleAssessmentOfTheSameHousehold() throws Exception {
        JsonNode single = JSON.readTree(Auth.as("integration").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments?lang=en").then().statusCode(201).extract().asString());
        List<String> lines = List.of(line(Households.POOR_FAMILY_WITH_DISABLED_CHILD, null, null, null));
        JsonNode full = send(Auth.as("integration"), "?persist=false&lang=en", lines).get(0).get("result");
        for (JsonNode answer : List.of(single, full)) {
            ((ObjectNode) answer).remove(List.of("id", "assessedAt"));
        }
        assertEquals(single, full);

        JsonNode decision = send(Auth.as("integration"), "?persist=false&detail=decision", lines).get(0).get("result");
        assertEquals(single.get("riskLevel"), decision.get("riskLevel"));
        assertEquals(single.get("riskScore"), decision.get("riskScore"));
        assertEquals(single.at("/casePath/code"), decision.get("casePath"));
        List<String> codes = new ArrayList<>();
        single.get("eligibleServices").forEach(service -> codes.add(service.get("code").asText()));
        assertEquals(JSON.valueToTree(codes), decision.get("services"));
        assertEquals(single.at("/package/monthlyCashUzs"), decision.at("/package/monthlyCashUzs"));
    }

    @Test
    void everyGeneratedHouseholdIsAcceptedInABatchLargerThanASingleBody() throws Exception {
        ByteArrayOutputStream population = new ByteArrayOutputStream();
        new PopulationGenerator(2026, LocalDate.parse(Households.AS_OF)).write(1_000, population);
        assertTrue(population.size() > 1024 * 1024, "over the 1 MB limit of a single assessment: " + population.size());
        List<JsonNode> answers = send(Auth.as("integration"), "?persist=false&detail=decision", population.toByteArray());
        assertEquals(1_000, answers.size());
        List<String> problems = answers.stream().filter(a -> a.has("problem")).map(JsonNode::toString).limit(5).toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void theLargeBodyLimitIsTheBatchsAloneAlsoForABodyWithoutALength() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) ' ');
        int status = Auth.as("integration").contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(twoMegabytes))
                .post("/api/v1/assessments").statusCode();
        assertEquals(413, status, "a chunked body to a single assessment stops at its 1 MB limit");
    }

    @Test
    void wrongOptionsAreRefusedBeforeAnythingIsRead() {
        Auth.as("integration").contentType("application/x-ndjson").body(new byte[] {'{', '}'}).post(BATCH + "?persist=yes")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.is("persist"));
        Auth.as("integration").contentType("application/x-ndjson").body(new byte[] {'{', '}'}).post(BATCH + "?detail=short")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.is("detail"));
        Auth.as("auditor").contentType("application/x-ndjson").body(new byte[] {'{', '}'}).post(BATCH).then().statusCode(403);
    }
}
