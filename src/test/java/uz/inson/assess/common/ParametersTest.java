package uz.inson.assess.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A malformed query or path parameter is a 400 that names it, never a 404 that hides it or a 500. */
@QuarkusTest
class ParametersTest {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "/api/v1/assessments, auditor",
            "/api/v1/users, admin",
            "/api/v1/api-keys, admin",
            "/api/v1/audit, auditor",
            "/api/v1/rule-sets, policy",
            "/api/v1/catalog/services, caseworker",
    })
    void aPageBeyondAnyListIsRefusedNotOverflowed(String list, String user) {
        Auth.as(user).queryParam("page", 2147483646).queryParam("size", 2).get(list)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"))
                .body("violations[0].message", equalTo("must be at most 1073741823 with size 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2147483648", "1.5", "-"})
    void aSizeThatIsNotAWholeNumberIsNamed(String size) {
        Auth.as("admin").queryParam("size", size).get("/api/v1/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].message", containsString("must be a whole number"));
    }

    @Test
    void aPathIdThatIsNotAUuidIsNamed() {
        Auth.as("policy").get("/api/v1/rule-sets/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", containsString("must be a UUID"));
        Auth.as("policy").get("/api/v1/rule-sets/1-2-3-4-5").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void anUnknownQueryParameterOnAWriteIsRefusedBeforeAnythingIsDone() {
        Auth.as("integration").contentType(ContentType.JSON).queryParam("langg", "ru").body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("langg"))
                .body("violations[0].message", equalTo("is not a parameter of this operation; it takes explain, include, lang, persist"));
        Auth.as("integration").contentType(ContentType.JSON).queryParam("lang", "ru").body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201);
    }
}
