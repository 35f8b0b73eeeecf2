package uz.inson.assess.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uz.inson.assess.security.Roles;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.JsonFuzz;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the published OpenAPI document, called by an admin, a case worker, a policy officer, an API key
 * and nobody, with hostile path and query parameters (wrong types, numeric extremes, injections, huge text), odd
 * headers, and mutated or malformed bodies. Oracles: never a 5xx; every refusal is problem details whose status is the
 * HTTP status; every answer the document describes (the contract check validates each one); and a 2xx assessment
 * means what it says — its income is the sum of the incomes sent, never wrapped round.
 */
@QuarkusTest
class OperationFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VARIANTS = 8;
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
            "1e3", "1.5", "abc", "", " ", "１", "NaN", "0x10");
    private static final List<String> TEXTS = List.of("", "a", "x".repeat(5_000), "' OR '1'='1", "../../../etc/passwd", "%00", "😀🇺🇿",
            "CSH-001", "ru", "de", "near-misses", "open-services", "NAMANGAN", "2026-02-30", "2026-11-30T10:00:00+05:00",
            UUID.randomUUID().toString(), "not-a-uuid", "1-2-3-4-5", "${jndi:ldap://x/a}", "<script>alert(1)</script>");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1");

    /** A caller of the fuzz: who, and how to start a request as them. */
    record Caller(String name, Supplier<RequestSpecification> start) {
    }

    @Test
    void noOperationAnswersAServerErrorOrAnUndocumentedAnswerWhateverItIsSent() throws Exception {
        JsonNode document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        String apiKey = Auth.as("admin").contentType("application/json")
                .body(Map.of("name", "operation fuzz", "roles", List.of(Roles.INTEGRATION_CLIENT), "expiresAt", OffsetDateTime.now().plusDays(2).toString()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        List<Caller> callers = List.of(
                new Caller("admin", () -> Auth.as("admin")),
                new Caller("caseworker", () -> Auth.as("caseworker")),
                new Caller("policy", () -> Auth.as("policy")),
                new Caller("api-key", () -> given().header("X-API-Key", apiKey)),
                new Caller("anonymous", () -> given().header("Authorization", "Bearer not.a.token")));
        Map<String, String> validBodies = validBodies();
        Random random = new Random(20261130);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                operations++;
                for (Caller caller : callers) {
                    for (int variant = 0; variant < VARIANTS; variant++) {
                        Response response = send(caller, method.getKey().toUpperCase(), path.getKey(), operation, validBodies, random, variant);
                        requests++;
                        String problem = judge(response);
                        if (problem != null) {
                            failures.add(caller.name() + " " + method.getKey().toUpperCase() + " " + path.getKey() + ": " + problem);
                        }
                    }
                }
            }
        }
        assertTrue(operations >= 32, "every operation of the document: " + operations);
        assertTrue(requests >= operations * callers.size() * VARIANTS);
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " of " + requests + " requests went wrong");
    }

    @Test
    void anAssessmentAcknowledgedIsAboutTheIncomesSentEvenAtTheirLimits() throws Exception {
        JsonNode household = JSON.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        for (long wages : new long[] {0, 1, 10_000_000_000L, 10_000_000_001L, Long.MAX_VALUE, -1}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) household.get("household").get("monthlyIncome")).put("wages", wages);
            ((com.fasterxml.jackson.databind.node.ObjectNode) household.get("household").get("monthlyIncome")).put("pensions", 10_000_000_000L);
            Response response = Auth.as("caseworker").contentType("application/json").body(JSON.writeValueAsString(household)).post("/api/v1/assessments");
            if (response.statusCode() == 201) {
                assertEquals(wages + 10_000_000_000L, response.jsonPath().getLong("derived.monthlyIncome"), "the income sent, not a wrapped one");
            } else {
                assertEquals(400, response.statusCode(), "wages " + wages + ": " + response.asString());
                assertTrue(response.asString().contains("household.monthlyIncome.wages"), response.asString());
            }
        }
    }

    private static Response send(Caller caller, String method, String template, JsonNode operation, Map<String, String> validBodies,
                                 Random random, int variant) throws Exception {
        // Values are encoded here, once: REST Assured would read braces in them as templates of its own
        RequestSpecification request = caller.start().get().urlEncodingEnabled(false);
        String path = template;
        for (JsonNode parameter : iterable(operation.get("parameters"))) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            String type = parameter.path("schema").path("type").asText("string");
            String value = pick(random, type.equals("integer") || type.equals("number") ? NUMBERS : TEXTS);
            if (in.equals("path")) {
                // an existing object now and then, so the fuzz also gets past "not found"
                String real = variant == 0 ? realId(name) : null;
                path = path.replace("{" + name + "}", encode(real != null ? real : value.isEmpty() ? "x" : value));
            } else if (in.equals("query") && random.nextInt(3) > 0) {
                request.queryParam(name, encode(value));
            } else if (in.equals("header")) {
                request.header(name, value);
            }
        }
        if (random.nextInt(4) == 0) {
            request.queryParam(pick(random, List.of("dryRun", "debug", "page", "size", "lang", "__proto__")), encode(pick(random, TEXTS)));
        }
        request.header("Accept-Language", pick(random, List.of("ru", "uz-Latn-UZ", "en;q=0.1", "xx", "*", "ru;q=abc", "")));
        if (operation.has("requestBody")) {
            JsonNode content = operation.get("requestBody").get("content");
            String mediaType = content.fieldNames().next();
            if (mediaType.startsWith("multipart/")) {
                request.multiPart("files", pick(random, List.of("a.drl.xlsx", "b.zip", "../../x.drl", "c.csv")), randomBytes(random));
                request.multiPart(pick(random, List.of("version", "parentId", "changeNote", "unknown")), pick(random, TEXTS));
            } else {
                String valid = validBodies.getOrDefault(operation.path("operationId").asText(), "{}");
                String body = mediaType.equals("application/json") ? JsonFuzz.variant(valid, random) : pick(random, TEXTS);
                String contentType = mediaType.equals("application/json") ? pick(random, CONTENT_TYPES) : mediaType;
                request.contentType(contentType);
                // REST Assured encodes a form body from text and any other from bytes
                if (contentType.startsWith("application/x-www-form-urlencoded")) {
                    request.body(body);
                } else {
                    request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return request.request(method, path);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + response.asString();
        }
        if (status >= 400) {
            if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                return status + " as " + response.contentType();
            }
            if (response.jsonPath().getInt("status") != status) {
                return "problem status " + response.jsonPath().getInt("status") + " on a " + status;
            }
        }
        return null;
    }

    private static Map<String, String> validBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("assessHousehold", Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        bodies.put("signIn", "{\"username\": \"fuzz-nobody\", \"password\": \"fuzz-nobody-demo\"}");
        bodies.put("createUser", "{\"username\": \"fuzzed\", \"password\": \"a-long-enough-password\", \"roles\": [\"auditor\"]}");
        bodies.put("updateUser", "{\"roles\": [\"auditor\"], \"enabled\": true}");
        bodies.put("createApiKey", "{\"name\": \"fuzz\", \"roles\": [\"integration-client\"], \"expiresAt\": \"" + OffsetDateTime.now().plusDays(3) + "\"}");
        bodies.put("startGeneratedBatchJob", "{\"households\": 3, \"seed\": 1, \"asOf\": \"" + Households.AS_OF + "\"}");
        bodies.put("startGeneratedImpactAnalysis", "{\"households\": 3, \"seed\": 1, \"asOf\": \"" + Households.AS_OF + "\"}");
        bodies.put("activateRuleSet", "{\"effectiveFrom\": \"" + OffsetDateTime.now().plusDays(30) + "\"}");
        return bodies;
    }

    /** An id that exists, for the first variant of each caller: the active rule set, a stored assessment, a service. */
    private static String realId(String parameter) {
        return switch (parameter) {
            case "code" -> "CSH-001";
            case "path" -> "rules/VERSION";
            default -> null;
        };
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node::elements;
    }
}
