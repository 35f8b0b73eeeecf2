package uz.inson.assess.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@Tag("time-sensitive")
class ApiKeyTest {
    /** Expiry is judged by the service's clock, which a test run may set ahead. */
    @Inject
    Clock clock;
    @Inject
    EntityManager entityManager;
    @Inject
    ApiKeyService keys;

    private Map<String, Object> newKey(String name, Integer perMinute) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "roles", List.of(Roles.INTEGRATION_CLIENT),
                "expiresAt", OffsetDateTime.now(clock).plusDays(30).toString()));
        if (perMinute != null) {
            body.put("requestsPerMinute", perMinute);
        }
        return Auth.as("admin").contentType(ContentType.JSON).body(body).post("/api/v1/api-keys").then().statusCode(201)
                .body("key", startsWith("ia_")).body("details.active", is(true)).extract().jsonPath().getMap("");
    }

    @Test
    void aKeyIsShownOnceWorksInBothHeadersRecordsItsUseAndStopsWhenRevoked() {
        Map<String, Object> created = newKey("Unified social registry", null);
        String key = (String) created.get("key");
        String id = (String) ((Map<?, ?>) created.get("details")).get("id");

        given().header("X-API-Key", key).contentType(ContentType.JSON).body(Households.WELL_OFF_FAMILY).post("/api/v1/assessments")
                .then().statusCode(201);
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body(Households.WELL_OFF_FAMILY).post("/api/v1/assessments")
                .then().statusCode(201);
        given().header("X-API-Key", key).get("/api/v1/audit").then().statusCode(403);

        Auth.as("admin").get("/api/v1/api-keys?size=500").then().statusCode(200)
                .body("items", everyItem(not(hasKey("key")))).body("items", everyItem(not(hasKey("keyHash"))))
                .body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue());

        Auth.as("admin").delete("/api/v1/api-keys/" + id).then().statusCode(200).body("active", is(false)).body("revokedBy", equalTo("admin"));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(Households.WELL_OFF_FAMILY).post("/api/v1/assessments")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", key.substring(0, key.length() - 1) + "x").get("/api/v1/catalog/services").then().statusCode(401);
    }

    /** A key in memory, its use written within the minute, is known without the database (on the I/O thread); a revoked one is not. */
    @Test
    void aKeyInMemoryIsKnownWithoutTheDatabaseUntilRevoked() {
        Map<String, Object> created = newKey("Cadastre exchange", null);
        String key = (String) created.get("key");
        UUID id = UUID.fromString((String) ((Map<?, ?>) created.get("details")).get("id"));
        assertNull(keys.knownInMemory(key), "never used yet: only the database knows it");

        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(200);
        assertEquals(id, keys.knownInMemory(key).id());
        assertNull(keys.knownInMemory(key.substring(0, key.length() - 1) + "x"));
        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(200);

        Auth.as("admin").delete("/api/v1/api-keys/" + id).then().statusCode(200);
        assertNull(keys.knownInMemory(key));
        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(401);
    }

    /**
     * Keys are kept in memory between requests; another instance's revocation reaches this one through PostgreSQL's
     * NOTIFY, and the key stops working here at once.
     */
    @Test
    void aKeyRevokedOnAnotherInstanceStopsWorkingHereAtOnce() throws InterruptedException {
        Map<String, Object> created = newKey("Pension fund exchange", null);
        String key = (String) created.get("key");
        UUID id = UUID.fromString((String) ((Map<?, ?>) created.get("details")).get("id"));
        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(200);

        // revoked in the database without telling anyone: this instance still has the key in memory, so it serves it...
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update api_key set revoked_at = now(), revoked_by = 'admin-elsewhere' where id = ?1")
                .setParameter(1, id).executeUpdate());
        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(200);

        // ...until the notification every revocation sends arrives, as another instance's DELETE sends it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("select pg_notify('api_key_revoked', ?1)")
                .setParameter(1, id.toString()).getSingleResult());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        while ((status = given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").statusCode()) == 200
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(401, status);
    }

    @Test
    void aKeyOverItsOwnRateLimitGets429WithRetryAfter() {
        String key = (String) newKey("Busy neighbour system", 5).get("key");
        for (int i = 0; i < 5; i++) {
            given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(200);
        }
        given().header("X-API-Key", key).get("/api/v1/catalog/services/CSH-001").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void keysNeedANameRolesAndANearExpiryAndAreNeverAdmins() {
        Auth.as("admin").contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of(Roles.INTEGRATION_CLIENT),
                "expiresAt", OffsetDateTime.now(clock).plusYears(5).toString())).post("/api/v1/api-keys").then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        Auth.as("admin").contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of(Roles.ADMIN),
                "expiresAt", OffsetDateTime.now(clock).plusDays(5).toString())).post("/api/v1/api-keys").then().statusCode(400)
                .body("violations[0].field", equalTo("roles"));
    }
}
