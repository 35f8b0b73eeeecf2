package uz.inson.assess.household;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.util.List;
import java.util.function.Consumer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every bad household is refused with 400 problem details naming the field; nothing is stored. */
@QuarkusTest
class HouseholdValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse postChanged(Consumer<ObjectNode> change) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        change.accept(request);
        return post(JSON.writeValueAsString(request));
    }

    private static ValidatableResponse post(String body) {
        return Auth.as("integration").contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    private static ObjectNode household(ObjectNode request) {
        return (ObjectNode) request.get("household");
    }

    private static ObjectNode member(ObjectNode request, int index) {
        return (ObjectNode) household(request).get("members").get(index);
    }

    @Test
    void shouldNameAnUnknownRegion() throws Exception {
        postChanged(r -> household(r).put("region", "ATLANTIS"))
                .body("violations[0].field", equalTo("household.region"))
                .body("violations[0].message", containsString("NAMANGAN"));
    }

    @Test
    void shouldNameAnUnknownMemberFlagWithItsIndex() throws Exception {
        postChanged(r -> ((ArrayNode) member(r, 1).get("flags")).add("LUCKY"))
                .body("violations[0].field", equalTo("household.members[1].flags[1]"));
    }

    @Test
    void shouldRefuseABirthDateInTheFuture() throws Exception {
        postChanged(r -> member(r, 1).put("birthDate", "2099-01-01"))
                .body("violations.field", hasItem("household.members[1].birthDate"));
    }

    @Test
    void shouldRefuseAnAsOfBeforeAMemberWasBorn() throws Exception {
        postChanged(r -> r.put("asOf", "2010-01-01"))
                .body("violations[0].field", equalTo("household.members[1].birthDate"))
                .body("violations[0].message", containsString("2010-01-01"));
    }

    @Test
    void shouldRefuseAnImpossibleDate() throws Exception {
        postChanged(r -> member(r, 0).put("birthDate", "1985-02-30"))
                .body("violations[0].field", equalTo("household.members[0].birthDate"));
    }

    @Test
    void shouldRefuseNegativeAmounts() throws Exception {
        postChanged(r -> ((ObjectNode) household(r).get("monthlyExpenses")).put("medical", -1))
                .body("violations[0].field", equalTo("household.monthlyExpenses.medical"));
    }

    @Test
    void shouldRefuseDuplicateMemberRefs() throws Exception {
        postChanged(r -> member(r, 1).put("ref", "m1"))
                .body("violations[0].field", equalTo("household.members[1].ref"));
    }

    @Test
    void shouldRefuseAHouseholdWithoutMembers() throws Exception {
        postChanged(r -> household(r).putArray("members"))
                .body("violations[0].field", equalTo("household.members"));
    }

    @Test
    void shouldRefuseMoreThanThirtyMembers() throws Exception {
        postChanged(r -> {
            ArrayNode members = (ArrayNode) household(r).get("members");
            for (int i = 0; i < 30; i++) {
                members.add(member(r, 0).deepCopy().put("ref", "x" + i));
            }
        }).body("violations[0].field", equalTo("household.members"));
    }

    @Test
    void shouldRefuseAPinflThatIsNotFourteenDigits() throws Exception {
        postChanged(r -> member(r, 0).put("pinfl", "3120385700001"))
                .body("violations[0].field", equalTo("household.members[0].pinfl"));
    }

    @Test
    void shouldRefuseADisabilityFirstEstablishedAfterAsOfOrBeforeTheMemberWasBorn() throws Exception {
        postChanged(r -> ((ObjectNode) member(r, 1).get("disability")).put("firstEstablishedOn", "2026-12-01"))
                .body("violations[0].field", equalTo("household.members[1].disability.firstEstablishedOn"))
                .body("violations[0].message", containsString("2026-11-25"));
        postChanged(r -> ((ObjectNode) member(r, 1).get("disability")).put("firstEstablishedOn", "2015-01-01"))
                .body("violations[0].field", equalTo("household.members[1].disability.firstEstablishedOn"))
                .body("violations[0].message", containsString("birthDate"));
    }

    @Test
    void shouldRefuseAPregnantMan() throws Exception {
        postChanged(r -> member(r, 1).put("pregnant", true))
                .body("violations[0].field", equalTo("household.members[1].pregnant"));
    }

    @Test
    void shouldRefuseAWrongType() throws Exception {
        postChanged(r -> ((ObjectNode) household(r).get("monthlyIncome")).put("wages", "a lot"))
                .body("violations[0].field", equalTo("household.monthlyIncome.wages"));
    }

    @Test
    void shouldRefuseAMissingHousehold() {
        post("{\"asOf\": \"2026-11-25\"}").body("violations[0].field", equalTo("household"));
    }

    /** An empty body is read by the endpoint, not ahead of it (Vert.x's reader would wait for it for ever). */
    @Test
    void shouldRefuseAnEmptyBody() {
        post("");
    }

    /** A body that is not JSON is refused by the endpoint with problem details, a malformed form too (not read ahead as a form). */
    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() {
        for (String form : List.of("household=poor&asOf=2026-11-25", "%zz=%")) {
            Auth.as("integration").contentType(ContentType.URLENC).body(form).post("/api/v1/assessments").then()
                    .statusCode(415).contentType("application/problem+json");
        }
    }

    @Test
    void shouldRefuseMalformedJson() {
        post("{\"household\": {").body("violations[0].field", equalTo("household"));
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimitWith413() {
        String huge = "{\"household\": {\"district\": \"" + "x".repeat(2_000_000) + "\"}}";
        Auth.as("integration").contentType(ContentType.JSON).body(huge).post("/api/v1/assessments").then()
                .statusCode(413).contentType("application/problem+json");
    }
}
