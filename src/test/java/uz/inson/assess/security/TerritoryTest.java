package uz.inson.assess.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The demo case workers serve two districts of Namangan region; the DESIGN household lives in Chust. */
@QuarkusTest
class TerritoryTest {

    private static String assessAsChustCaseWorker() {
        return Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCaseWorkerOfAnotherDistrictGets404ForAnAssessmentThatExists() {
        String id = assessAsChustCaseWorker();
        Auth.as("caseworker").get("/api/v1/assessments/" + id).then().statusCode(200).body("id", equalTo(id));
        Auth.as("caseworker2").get("/api/v1/assessments/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        Auth.as("caseworker2").post("/api/v1/assessments/" + id + "/replay").then().statusCode(404);
        Auth.as("auditor").get("/api/v1/assessments/" + id).then().statusCode(200);
        Auth.as("caseworker").post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));
    }

    @Test
    void listsShowOnlyTheCallersTerritory() {
        String id = assessAsChustCaseWorker();
        Auth.as("caseworker").get("/api/v1/assessments?size=500").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.district", not(hasItem("Pop")));
        Auth.as("caseworker2").get("/api/v1/assessments?size=500").then().statusCode(200).body("items.id", not(hasItem(id)));
        Auth.as("auditor").get("/api/v1/assessments?region=NAMANGAN&district=chust&size=500").then().statusCode(200).body("items.id", hasItem(id));
        Auth.as("auditor").get("/api/v1/assessments?region=ATLANTIS").then().statusCode(400).body("violations[0].field", equalTo("region"));
    }

    @Test
    void aCaseWorkerCannotAssessAHouseholdOfAnotherDistrict() {
        Auth.as("caseworker2").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD).post("/api/v1/assessments")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("outside-territory"));
    }

    @Test
    void anIntegratingSystemReadsOnlyWhatItAssessedAndGetsNoMoreThanItNeeds() {
        String own = Auth.as("integration").contentType(ContentType.JSON).body(Households.DOMESTIC_VIOLENCE_VICTIM).post("/api/v1/assessments")
                .then().statusCode(201)
                .body("riskLevel", notNullValue()).body("casePath.code", notNullValue()).body("eligibleServices.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("derived", nullValue()).body("riskFactors", nullValue())
                .extract().path("id");
        Auth.as("integration").get("/api/v1/assessments/" + own).then().statusCode(200).body("riskFactors", nullValue());
        String others = assessAsChustCaseWorker();
        Auth.as("integration").get("/api/v1/assessments/" + others).then().statusCode(404);
        Auth.as("integration").get("/api/v1/assessments?size=500").then().statusCode(200).body("items.id", hasItem(own)).body("items.id", not(hasItem(others)));
    }
}
