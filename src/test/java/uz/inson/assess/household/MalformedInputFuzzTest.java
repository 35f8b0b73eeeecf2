package uz.inson.assess.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.JsonFuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred malformed households, made by mutating a valid one at random (fixed seed, so a failure
 * reproduces): no 5xx, and every refusal is problem details.
 */
@QuarkusTest
class MalformedInputFuzzTest {

    @Test
    void shouldNeverAnswerMalformedInputWithAServerError() {
        Random random = new Random(20261125);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            bodies.add(JsonFuzz.variant(Households.POOR_FAMILY_WITH_DISABLED_CHILD, random));
        }
        int refused = 0;
        for (String body : bodies) {
            Response response = Auth.as("integration").contentType(ContentType.JSON).body(body).post("/api/v1/assessments");
            assertTrue(response.statusCode() < 500, "server error for " + body + ": " + response.asString());
            if (response.statusCode() >= 400) {
                refused++;
                assertEquals("application/problem+json", response.contentType(), body);
            }
        }
        assertTrue(refused > 300, "most mutations are invalid, refused " + refused);
    }
}
