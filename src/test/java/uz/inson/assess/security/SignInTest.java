package uz.inson.assess.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SignInTest {

    private static io.restassured.response.Response signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }

    @Test
    void everyDemoUserSignsInWithTheReadmePasswordAndGetsAnOAuth2StyleToken() {
        for (UserService.DemoUser demo : UserService.DEMO_USERS) {
            signIn(demo.username(), demo.username() + "-demo").then().statusCode(200)
                    .body("token_type", equalTo("Bearer")).body("expires_in", is(3600))
                    .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"));
        }
    }

    @Test
    void aWrongPasswordIs401AndRepeatedFailuresAreThrottledWith429AndRetryAfter() {
        Auth.withRoles("guessed-user", Roles.AUDITOR);
        for (int i = 0; i < 5; i++) {
            signIn("guessed-user", "wrong-password-" + i).then().statusCode(401).contentType("application/problem+json");
        }
        signIn("guessed-user", "guessed-user-demo").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        signIn("nobody-at-all", "whatever").then().statusCode(401);
    }

    @Test
    void aDisabledUserCannotSignIn() {
        Auth.as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "leaving-officer", "password", "a-long-enough-password", "roles", java.util.List.of(Roles.POLICY_OFFICER)))
                .post("/api/v1/users").then().statusCode(201).body("roles[0]", equalTo(Roles.POLICY_OFFICER)).body("passwordHash", org.hamcrest.Matchers.nullValue());
        signIn("leaving-officer", "a-long-enough-password").then().statusCode(200);
        Auth.as("admin").contentType(ContentType.JSON).body(Map.of("enabled", false)).put("/api/v1/users/leaving-officer").then().statusCode(200)
                .body("enabled", is(false));
        signIn("leaving-officer", "a-long-enough-password").then().statusCode(401);
    }

    @Test
    void adminInputIsCheckedFieldByField() {
        Auth.as("admin").contentType(ContentType.JSON).body(Map.of("username", "x", "password", "short", "roles", java.util.List.of("boss")))
                .post("/api/v1/users").then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("username"));
        Auth.as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "new-caseworker", "password", "a-long-enough-password", "roles", java.util.List.of(Roles.CASE_WORKER)))
                .post("/api/v1/users").then().statusCode(400).body("violations[0].field", equalTo("region"));
        Auth.as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "another-user", "password", "a-long-enough-password", "roles", java.util.List.of("boss")))
                .post("/api/v1/users").then().statusCode(400).body("violations[0].field", equalTo("roles[0]"));
    }

    @Test
    void forgedExpiredOrForeignTokensAre401() {
        String good = Auth.token("auditor");
        String[] parts = good.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        given().auth().oauth2(tamperedPayload).get("/api/v1/audit/verify").then().statusCode(401);
        String expired = Jwt.issuer("inson-assess").audience("inson-assess").upn("auditor").groups(Set.of(Roles.AUDITOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        given().auth().oauth2(expired).get("/api/v1/audit/verify").then().statusCode(401);
        String foreign = Jwt.issuer("https://somebody-else.example").audience("inson-assess").upn("auditor").groups(Set.of(Roles.AUDITOR)).sign();
        given().auth().oauth2(foreign).get("/api/v1/audit/verify").then().statusCode(401);
        String ours = Jwt.issuer("inson-assess").audience("inson-assess").upn("auditor").groups(Set.of(Roles.AUDITOR)).sign();
        given().auth().oauth2(ours).get("/api/v1/audit/verify").then().statusCode(200);
    }
}
