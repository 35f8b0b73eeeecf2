package uz.inson.assess.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator's dashboard reads at /q/metrics, and that no caller can make it grow without bound. */
@QuarkusTest
class MetricsTest {

    @Test
    void assessmentsEngineCompilesAndTheVersionInForceAreMeasured() {
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String histogram : List.of("inson_assessment_seconds_bucket{", "inson_engine_seconds_bucket{")) {
            assertTrue(metrics.contains(histogram), "a Prometheus histogram " + histogram);
        }
        assertTrue(metrics.contains("inson_rule_set_compile_seconds_count"), "rule-set compile time");
        assertTrue(metrics.contains("inson_rule_set_active{hash=\"sha256:") && metrics.contains("version=\"" + RuleSets.activeVersion() + "\"} 1.0"),
                "the version in force");
        assertTrue(metrics.contains("inson_audit_backlog 0.0"), "audit entries waiting for the database");
        assertTrue(metrics.contains("inson_audit_group_size_count"), "how many commits the group commit wrote together");
        assertTrue(metrics.contains("inson_audit_group_head_moved_total{then=\"transaction\""),
                "groups that found the chain's head elsewhere, by how they went in then");
        assertTrue(metrics.contains("agroal_active_count{datasource=\"default\"}"), "the connection pool");
    }

    @Test
    void unknownPathsAndMethodsAddNoNewSeries() {
        for (int i = 0; i < 20; i++) {
            given().get("/no/such/page/" + i + "-" + System.nanoTime()).then().statusCode(404);
            given().delete("/api/v1/catalog/services/CSH-" + System.nanoTime()).then().statusCode(405);
        }
        String metrics = given().get("/q/metrics").then().extract().asString();
        Matcher uri = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        while (uri.find()) {
            String value = uri.group(1);
            assertTrue(value.equals("NOT_FOUND") || value.equals("METHOD_NOT_ALLOWED") || !value.matches(".*\\d{6,}.*"),
                    "a series per raw path: " + value);
        }
        assertTrue(metrics.contains("uri=\"METHOD_NOT_ALLOWED\""));
    }

    @Test
    void aMethodNotAllowedSaysWhichAreAllowed() {
        given().delete("/api/v1/catalog/services/CSH-001").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                .body("detail", containsString("DELETE is not a method of /api/v1/catalog/services/CSH-001"));
        assertEquals("GET, HEAD, OPTIONS, POST", given().put("/api/v1/assessments").then().statusCode(405).extract().header("Allow"));
    }
}
