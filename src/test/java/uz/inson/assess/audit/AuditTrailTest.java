package uz.inson.assess.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditTrailTest {
    @Inject
    EntityManager entityManager;

    @Test
    void writesAndPersonalDataReadsAreAuditedWithWhoWhatOutcomeAndAddress() {
        String id = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Auth.as("caseworker").get("/api/v1/assessments/" + id).then().statusCode(200);
        Auth.as("caseworker2").get("/api/v1/assessments/" + id).then().statusCode(404);

        Auth.as("auditor").get("/api/v1/audit?objectId=" + id).then().statusCode(200)
                .body("total", is(3))
                .body("items[0].actor", equalTo("caseworker2")).body("items[0].outcome", is(404))
                .body("items[0].action", equalTo("GET /api/v1/assessments/{id}"))
                .body("items[1].actor", equalTo("caseworker")).body("items[1].roles", equalTo("case-worker"))
                .body("items[1].clientAddress", notNullValue())
                .body("items[1].hash", matchesPattern("[0-9a-f]{64}"))
                .body("items[2].action", equalTo("POST /api/v1/assessments")).body("items[2].outcome", is(201));
        Auth.as("auditor").get("/api/v1/audit?actor=caseworker&action=POST /api/v1/assessments&size=1").then().statusCode(200)
                .body("items[0].outcome", is(201)).body("total", greaterThan(0));
        Auth.as("auditor").get("/api/v1/audit?from=yesterday").then().statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    void anActionNamesItsPathParametersWholeSegmentsOnly() {
        // a user called like a piece of the path must not be substituted inside "/api/v1/"
        Auth.as("admin").contentType(ContentType.JSON).body("{}").put("/api/v1/users/v1").then().statusCode(404);
        Auth.as("auditor").get("/api/v1/audit?objectId=v1&actor=admin").then().statusCode(200)
                .body("items[0].action", equalTo("PUT /api/v1/users/{username}")).body("items[0].outcome", is(404));
    }

    @Test
    void signInsAreAuditedUnderTheNameTried() {
        Auth.withRoles("audited-signin", "auditor");
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "audited-signin", "password", "wrong-password"))
                .post("/api/v1/auth/token").then().statusCode(401);
        Auth.as("auditor").get("/api/v1/audit?actor=audited-signin&action=POST /api/v1/auth/token").then().statusCode(200)
                .body("items.outcome", org.hamcrest.Matchers.hasItems(200, 401));
    }

    @Test
    void theChainVerifiesAndATamperedRowBreaksIt() {
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD).post("/api/v1/assessments")
                .then().statusCode(201);
        Auth.as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("intact", is(true)).body("entries", greaterThan(0));

        // the table refuses changes outright...
        Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("update audit_entry set actor = 'someone-else' where id = (select max(id) from audit_entry)").executeUpdate()));
        assertTrue(causes(refused).contains("append-only"), causes(refused));
        // ...and a database owner who gets around the trigger is still found out
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select id, actor from audit_entry where outcome = 201 order by id desc limit 1").getSingleResult());
        long tampered = ((Number) row[0]).longValue();
        tamper(tampered, "someone-else");
        try {
            Auth.as("auditor").get("/api/v1/audit/verify").then().statusCode(200)
                    .body("intact", is(false)).body("firstBrokenId", is((int) tampered)).body("reason", org.hamcrest.Matchers.containsString("changed"));
        } finally {
            tamper(tampered, (String) row[1]);
        }
        Auth.as("auditor").get("/api/v1/audit/verify").then().body("intact", is(true));
    }

    /**
     * Writers in parallel, each change writing its entry in its own transaction: every request gets exactly one entry
     * with its outcome, and the chain stays one line.
     */
    @Test
    void parallelAuditedWritesEachLeaveOneEntryAndTheChainHolds() throws Exception {
        String actor = "parallel-writer";
        Auth.withRoles(actor, "integration-client", "admin");
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            answers.add(writers.submit(() -> switch (n % 3) {
                case 0 -> Auth.as(actor).contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                        .post("/api/v1/assessments").statusCode();
                case 1 -> Auth.as(actor).contentType(ContentType.JSON)
                        .body(Map.of("username", "parallel-" + n + "-" + System.nanoTime(), "password", "a-long-password-" + n, "roles", List.of("auditor")))
                        .post("/api/v1/users").statusCode();
                default -> Auth.as(actor).contentType(ContentType.JSON).body("{}").put("/api/v1/users/nobody-" + n).statusCode();
            }));
        }
        Map<Integer, Long> outcomes = new java.util.TreeMap<>();
        for (Future<Integer> answer : answers) {
            outcomes.merge(answer.get(), 1L, Long::sum);
        }
        writers.shutdown();
        assertEquals(Map.of(201, 40L, 404, 20L), outcomes);

        for (Map.Entry<String, Integer> action : Map.of("POST /api/v1/assessments", 201, "POST /api/v1/users", 201,
                "PUT /api/v1/users/{username}", 404).entrySet()) {
            Auth.as("auditor").queryParam("actor", actor).queryParam("action", action.getKey()).get("/api/v1/audit")
                    .then().statusCode(200).body("total", is(20)).body("items.outcome", everyItem(is(action.getValue())));
        }
        Auth.as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("intact", is(true));
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private void tamper(long id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("set local session_replication_role = replica").executeUpdate();
            entityManager.createNativeQuery("update audit_entry set actor = ?1 where id = ?2").setParameter(1, actor).setParameter(2, id).executeUpdate();
        });
    }
}
