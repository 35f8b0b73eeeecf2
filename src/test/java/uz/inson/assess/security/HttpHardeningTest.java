package uz.inson.assess.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HttpHardeningTest {

    @Test
    void crossOriginCallsAreNotAllowedByDefault() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/assessments").then().header("Access-Control-Allow-Origin", nullValue());
        Auth.as("caseworker").header("Origin", "https://evil.example").get("/api/v1/catalog/services/CSH-001").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void pagesAndAnswersCarrySecurityHeaders() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
        Auth.as("caseworker").get("/api/v1/catalog/services/CSH-001").then().header("Cache-Control", equalTo("no-store"));
    }
}
