package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Idempotency-Key of a single stored assessment: a caller whose answer was lost (a timeout, a 503 at the commit)
 * sends the household again under the same key and gets the assessment stored the first time, not a second copy.
 * Every test makes keys of its own, so the keys earlier runs kept for good do not matter.
 */
@QuarkusTest
class IdempotentAssessmentTest {
    private static final String POOR_FAMILY = Households.POOR_FAMILY_WITH_DISABLED_CHILD;

    @Inject
    EntityManager entityManager;

    private static String newKey() {
        return "SP-1703-000123/" + UUID.randomUUID();
    }

    private long storedUnder(String key) {
        return ((Number) entityManager.createNativeQuery("select count(*) from assessment where idempotency_key = ?1")
                .setParameter(1, key).getSingleResult()).longValue();
    }

    private static Response post(RequestSpecification caller, String key, String body, String query) {
        return caller.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/assessments" + query);
    }

    @Test
    void aRetryUnderTheSameKeyStoresNothingAndAnswersTheAssessmentStoredThen() {
        String key = newKey();
        Response first = post(Auth.as("caseworker"), key, POOR_FAMILY, "?lang=en");
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        String id = first.path("id");

        // asked again in Russian: the answer is the one stored, in the language it was stored in
        Response retry = post(Auth.as("caseworker"), key, POOR_FAMILY, "?lang=ru");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .body("id", equalTo(id)).body("language", equalTo("en"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(1, storedUnder(key));
    }

    @Test
    void aKeyUsedForAnotherHouseholdOrCaseDateIsRefusedAndNothingIsStored() {
        String key = newKey();
        post(Auth.as("caseworker"), key, POOR_FAMILY, "").then().statusCode(201);

        String anotherHousehold = POOR_FAMILY.replace("SP-1703-000123", "SP-1703-000999");
        String anotherDate = POOR_FAMILY.replace("\"asOf\": \"2026-11-25\"", "\"asOf\": \"2026-11-20\"");
        for (String body : List.of(anotherHousehold, anotherDate)) {
            post(Auth.as("caseworker"), key, body, "").then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://inson.uz/problems/idempotency-key-reused"))
                    .body("violations[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(1, storedUnder(key));
    }

    @Test
    void keysAreEachCallersOwn() {
        String key = newKey();
        String mine = post(Auth.as("caseworker"), key, POOR_FAMILY, "").then().statusCode(201).extract().path("id");
        Response theirs = post(Auth.caseWorkerFor(POOR_FAMILY), key, POOR_FAMILY, "");
        theirs.then().statusCode(201);
        assertNull(theirs.header("Idempotent-Replayed"));
        assertEquals(2, storedUnder(key));
        assertNotEquals(mine, theirs.path("id"));
    }

    @Test
    void requestsSentTogetherUnderOneKeyStoreOneAssessment() throws Exception {
        String key = newKey();
        String token = Auth.token("caseworker");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> post(given().auth().oauth2(token), key, POOR_FAMILY, "")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : sent) {
                Response response = answer.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, storedUnder(key));
    }

    @Test
    void aDryRunStoresNothingUnderItsKey() {
        String key = newKey();
        post(Auth.as("caseworker"), key, POOR_FAMILY, "?persist=false").then().statusCode(200);
        assertEquals(0, storedUnder(key));
        Response stored = post(Auth.as("caseworker"), key, POOR_FAMILY, "");
        stored.then().statusCode(201);
        assertNull(stored.header("Idempotent-Replayed"));
    }

    @Test
    void aKeyOfMoreThanAHundredCharactersIsABadRequestNamingTheHeader() {
        String tooLong = newKey() + "-" + "k".repeat(100 - newKey().length());
        post(Auth.as("caseworker"), tooLong, POOR_FAMILY, "").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, storedUnder(tooLong));
        String longest = tooLong.substring(0, 100);
        post(Auth.as("caseworker"), longest, POOR_FAMILY, "").then().statusCode(201);
        assertEquals(1, storedUnder(longest));
    }
}
