package uz.inson.assess.pages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case worker's pages over plain HTTP: sessions, form tokens, errors as pages; the browser tests do the rest. */
@QuarkusTest
class CaseWorkerPagesTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"_token\" value=\"([0-9a-f]+)\"");

    @Test
    void shouldSendAStrangerToTheSignInPage() {
        given().redirects().follow(false).get("/pages/assess").then().statusCode(303)
                .header("Location", containsString("/pages/sign-in?next=%2Fpages%2Fassess"));
        given().get("/pages/sign-in").then().statusCode(200).body(containsString("caseworker-demo"));
    }

    @Test
    void shouldKeepTheSessionInAStrictHttpOnlyCookieScopedToThePages() {
        Response signIn = signIn("caseworker");
        String cookie = signIn.getHeader("Set-Cookie").toLowerCase(java.util.Locale.ROOT);
        assertTrue(cookie.contains("httponly") && cookie.contains("samesite=strict") && cookie.contains("path=/pages"), cookie);
    }

    @Test
    void shouldRefuseAWrongPasswordInThePage() {
        given().formParam("username", "caseworker").formParam("password", "wrong").post("/pages/sign-in")
                .then().statusCode(401).body(containsString("notoʻgʻri"));
    }

    @Test
    void shouldAssessTheExampleHouseholdAndShowTheAnswerOnThePage() {
        CookieFilter session = session("caseworker");
        String form = given().filter(session).get("/pages/assess?example=true").then().statusCode(200).extract().asString();
        Response posted = given().filter(session).redirects().follow(false).formParams(HtmlForm.fields(form, "intake"))
                .formParam("action", "assess").post("/pages/assess");
        assertEquals(303, posted.statusCode(), posted.asString());
        String answer = given().filter(session).get(posted.getHeader("Location")).then().statusCode(200).extract().asString();
        assertTrue(answer.contains("class=\"figure\""), answer);
    }

    @Test
    void shouldAuditAPageAssessmentAndItsReadingLikeTheApiOnes() {
        CookieFilter session = session("caseworker");
        String form = given().filter(session).get("/pages/assess?example=true").then().statusCode(200).extract().asString();
        String location = given().filter(session).redirects().follow(false).formParams(HtmlForm.fields(form, "intake"))
                .formParam("action", "assess").post("/pages/assess").then().statusCode(303).extract().header("Location");
        String id = location.replaceAll("^.*/pages/assessments/([0-9a-f-]{36}).*$", "$1");
        given().filter(session).get("/pages/assessments/" + id).then().statusCode(200);
        Auth.as("auditor").queryParam("objectId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItems("POST /pages/assess", "GET /pages/assessments/{id}"))
                .body("items.actor", everyItem(equalTo("caseworker")));
    }

    @Test
    void shouldRefuseAFormWithoutItsToken() {
        CookieFilter session = session("caseworker");
        given().filter(session).formParam("region", "NAMANGAN").formParam("action", "assess").post("/pages/assess")
                .then().statusCode(403).body(containsString("Shakl eskirgan"));
    }

    @Test
    void shouldNameEveryBadFieldInTheErrorSummaryWithoutAStackTrace() {
        CookieFilter session = session("caseworker");
        String form = given().filter(session).get("/pages/assess").then().statusCode(200).extract().asString();
        given().filter(session).formParam("_token", token(form)).formParam("lang", "en").formParam("region", "NAMANGAN")
                .formParam("members[0].ref", "m1").formParam("members[0].birthDate", "12.03.1985")
                .formParam("monthlyIncome.wages", "a lot").formParam("action", "assess").post("/pages/assess")
                .then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#members-0-birthDate\""))
                .body(containsString("Member 1 — Date of birth: enter a date such as 2016-07-01"))
                .body(containsString("Wages: enter a whole amount"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldTellABrokenConstraintInThePageLanguage() {
        CookieFilter session = session("caseworker");
        String form = given().filter(session).get("/pages/assess?example=true&lang=ru").then().statusCode(200).extract().asString();
        Map<String, Object> fields = HtmlForm.fields(form, "intake");
        fields.put("members[0].pinfl", "123");
        given().filter(session).formParams(fields).formParam("action", "assess").post("/pages/assess").then().statusCode(400)
                .body(containsString("href=\"#members-0-pinfl\""))
                .body(containsString("Член семьи 1 — ПИНФЛ: записано не в ожидаемом виде"));
    }

    @Test
    void shouldAskForTheDateADisabilityWasFirstEstablishedAndNameItWhenItIsImpossible() {
        CookieFilter session = session("caseworker");
        String form = given().filter(session).get("/pages/assess?example=true&lang=ru").then().statusCode(200).extract().asString();
        assertTrue(form.contains("Инвалидность впервые установлена"), "no field for the date a disability was first established");
        Map<String, Object> fields = HtmlForm.fields(form, "intake");
        fields.put("members[1].disability.firstEstablishedOn", "2015-05-01");
        given().filter(session).formParams(fields).formParam("action", "assess").post("/pages/assess").then().statusCode(400)
                .body(containsString("href=\"#members-1-disability-firstEstablishedOn\""))
                .body(containsString("Член семьи 2 — Инвалидность впервые установлена"));
    }

    static CookieFilter session(String user) {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("username", user).formParam("password", user + "-demo")
                .post("/pages/sign-in").then().statusCode(303);
        return cookies;
    }

    private static Response signIn(String user) {
        return given().redirects().follow(false).formParam("username", user).formParam("password", user + "-demo").post("/pages/sign-in");
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "no form token");
        return m.group(1);
    }
}
