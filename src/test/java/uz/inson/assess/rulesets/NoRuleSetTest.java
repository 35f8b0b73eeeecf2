package uz.inson.assess.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import uz.inson.assess.security.Roles;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service started on an empty database with no bundle to import (no rules/ folder where it runs and none packed in)
 * says so plainly, in readiness and in every assessment's 503, instead of reporting "compiling" for ever.
 */
@QuarkusTest
@TestProfile(NoRuleSetTest.NoBundle.class)
class NoRuleSetTest {

    public static class NoBundle implements QuarkusTestProfile {
        private static EmbeddedPostgres postgres;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inson.bundle.directory", "target/no-such-bundle", "inson.bundle.packaged", "false",
                    "quarkus.datasource.jdbc.url", emptyDatabase(), "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        }

        private static synchronized String emptyDatabase() {
            if (postgres == null) {
                try {
                    postgres = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        }
    }

    @Test
    void readinessSaysThereIsNoRuleSet() {
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'rule-set' }.data.state", equalTo("no-rule-set"));
    }

    @Test
    void anAssessmentIsA503ThatSaysWhatToDo() {
        Auth.withRoles("no-rule-set-client", Roles.INTEGRATION_CLIENT).contentType(ContentType.JSON)
                .body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .when().post("/api/v1/assessments")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("none was found to import"))
                .body("detail", containsString("upload and activate one"));
    }
}
