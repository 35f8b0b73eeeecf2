package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an assessment leaves in PostgreSQL. Runs against the embedded server by default and, in CI, also against an
 * external server (QUARKUS_DATASOURCE_JDBC_URL set).
 */
@QuarkusTest
class AssessmentPersistenceTest {
    @Inject
    EntityManager entityManager;

    private long count() {
        return ((Number) entityManager.createNativeQuery("select count(*) from assessment").getSingleResult()).longValue();
    }

    @Test
    void anAssessmentIsStoredWithItsInputResultRuleSetVersionAndTiming() {
        String id = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select request -> 'household' ->> 'region', result ->> 'riskLevel', rule_set_version, rule_set_hash,
                               duration_micros, json_array_length(result -> 'eligibleServices'), external_id, case_path
                        from assessment where id = ?1""")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        assertEquals("NAMANGAN", row[0]);
        assertTrue(row[1].equals("HIGH") || row[1].equals("CRITICAL"));
        assertEquals(RuleSets.REPOSITORY_VERSION, row[2]);
        assertTrue(row[3].toString().startsWith("sha256:"));
        assertTrue(((Number) row[4]).longValue() > 0);
        assertTrue(((Number) row[5]).intValue() > 10);
        assertEquals("SP-1703-000123", row[6]);
        assertEquals("INTENSIVE_CASE", row[7]);
    }

    /** V12: lz4 where the server was built with it (the external server in CI), else PostgreSQL's default, pglz (the embedded one). */
    @Test
    void theStoredAnswerIsCompressedWithLz4WhereTheServerHasIt() {
        String id = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        boolean serverHasLz4 = (Boolean) entityManager.createNativeQuery(
                "select 'lz4' = any (enumvals) from pg_settings where name = 'default_toast_compression'").getSingleResult();
        Object method = entityManager.createNativeQuery("select pg_column_compression(result) from assessment where id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        assertEquals(serverHasLz4 ? "lz4" : "pglz", method);
    }

    @Test
    void aRefusedRequestWritesNothing() {
        long before = count();
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("1985-03-12", "2099-03-12"))
                .post("/api/v1/assessments").then().statusCode(400);
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"asOf\": \"2026-11-25\"", "\"asOf\": \"2020-01-01\""))
                .post("/api/v1/assessments").then().statusCode(422);
        assertEquals(before, count());
    }
}
