package uz.inson.assess.security;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.security.Roles.ADMIN;
import static uz.inson.assess.security.Roles.AUDITOR;
import static uz.inson.assess.security.Roles.CASE_WORKER;
import static uz.inson.assess.security.Roles.INTEGRATION_CLIENT;
import static uz.inson.assess.security.Roles.POLICY_APPROVER;
import static uz.inson.assess.security.Roles.POLICY_OFFICER;
import static uz.inson.assess.security.Roles.RULE_DEVELOPER;

/**
 * Every endpoint × every role, and anonymous: allowed means neither 401 nor 403 (the call may still be 400 or 404:
 * the requests use unknown ids and empty bodies, so allowed calls change nothing); denied means 403, and 401 without
 * a token. The table below is the role matrix of docs/security.md; a new endpoint fails {@link #theMatrixCoversEveryEndpoint}
 * until it has a row.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    private static final String NO_ID = "3f0e8f4e-3f0e-4de3-9da8-1d57994c1309";
    private static final Set<String> EVERYONE = Set.copyOf(Roles.ALL);
    private static final Set<String> RULE_SET_READERS = Set.of(POLICY_OFFICER, POLICY_APPROVER, RULE_DEVELOPER, AUDITOR);
    private static final Set<String> RULE_SET_WRITERS = Set.of(POLICY_OFFICER, RULE_DEVELOPER);
    private static final Set<String> IMPACT_READERS = Set.of(POLICY_OFFICER, POLICY_APPROVER, RULE_DEVELOPER);
    private static final Set<String> ASSESSMENT_READERS = Set.of(CASE_WORKER, INTEGRATION_CLIENT, AUDITOR);
    /** The only endpoints anyone may call: signing in and out. */
    private static final Set<String> OPEN = Set.of("POST /api/v1/auth/token", "GET /pages/sign-in", "POST /pages/sign-in", "POST /pages/sign-out");

    /** One endpoint: how to call it harmlessly, and who may. */
    record Row(String method, String template, String path, String body, Set<String> allowed) {
        String endpoint() {
            return method + " " + template;
        }
    }

    private static final List<Row> MATRIX = List.of(
            new Row("POST", "/api/v1/assessments", "/api/v1/assessments", "{}", Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("POST", "/api/v1/assessments/batch", "/api/v1/assessments/batch?persist=false", "ndjson", Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("POST", "/api/v1/batch-jobs", "/api/v1/batch-jobs?persist=false", "ndjson", Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("POST", "/api/v1/batch-jobs/generated", "/api/v1/batch-jobs/generated", "{}", Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("GET", "/api/v1/batch-jobs", "/api/v1/batch-jobs", null, Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("GET", "/api/v1/batch-jobs/{jobId}", "/api/v1/batch-jobs/" + NO_ID, null, Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("GET", "/api/v1/batch-jobs/{jobId}/answers", "/api/v1/batch-jobs/" + NO_ID + "/answers", null, Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("DELETE", "/api/v1/batch-jobs/{jobId}", "/api/v1/batch-jobs/" + NO_ID, null, Set.of(CASE_WORKER, INTEGRATION_CLIENT)),
            new Row("GET", "/api/v1/assessments", "/api/v1/assessments", null, ASSESSMENT_READERS),
            new Row("GET", "/api/v1/assessments/{id}", "/api/v1/assessments/" + NO_ID, null, ASSESSMENT_READERS),
            new Row("POST", "/api/v1/assessments/{id}/replay", "/api/v1/assessments/" + NO_ID + "/replay", null, Set.of(CASE_WORKER, AUDITOR)),
            new Row("GET", "/api/v1/catalog/services", "/api/v1/catalog/services", null, EVERYONE),
            new Row("GET", "/api/v1/catalog/services/{code}", "/api/v1/catalog/services/CSH-001", null, EVERYONE),
            new Row("GET", "/api/v1/rule-sets", "/api/v1/rule-sets", null, RULE_SET_READERS),
            new Row("POST", "/api/v1/rule-sets", "/api/v1/rule-sets", "multipart", RULE_SET_WRITERS),
            new Row("GET", "/api/v1/rule-sets/{id}", "/api/v1/rule-sets/" + NO_ID, null, RULE_SET_READERS),
            new Row("GET", "/api/v1/rule-sets/{id}/files/{path}", "/api/v1/rule-sets/" + NO_ID + "/files/rules/risk.drl", null, RULE_SET_READERS),
            new Row("GET", "/api/v1/rule-sets/{id}/diff", "/api/v1/rule-sets/" + NO_ID + "/diff", null, RULE_SET_READERS),
            new Row("GET", "/api/v1/rule-sets/{id}/diff.xlsx", "/api/v1/rule-sets/" + NO_ID + "/diff.xlsx", null, RULE_SET_READERS),
            new Row("POST", "/api/v1/rule-sets/{id}/validate", "/api/v1/rule-sets/" + NO_ID + "/validate", null, RULE_SET_WRITERS),
            new Row("POST", "/api/v1/rule-sets/{id}/impact", "/api/v1/rule-sets/" + NO_ID + "/impact", "ndjson", RULE_SET_WRITERS),
            new Row("POST", "/api/v1/rule-sets/{id}/impact/generated", "/api/v1/rule-sets/" + NO_ID + "/impact/generated", "{}", RULE_SET_WRITERS),
            new Row("POST", "/api/v1/rule-sets/{id}/approve", "/api/v1/rule-sets/" + NO_ID + "/approve", null, Set.of(POLICY_APPROVER)),
            new Row("POST", "/api/v1/rule-sets/{id}/activate", "/api/v1/rule-sets/" + NO_ID + "/activate", "{}", Set.of(POLICY_APPROVER)),
            new Row("POST", "/api/v1/rule-sets/rollback", "/api/v1/rule-sets/rollback", null, Set.of(POLICY_APPROVER)),
            new Row("GET", "/api/v1/impact-jobs", "/api/v1/impact-jobs", null, IMPACT_READERS),
            new Row("GET", "/api/v1/impact-jobs/{jobId}", "/api/v1/impact-jobs/" + NO_ID, null, IMPACT_READERS),
            new Row("GET", "/api/v1/impact-jobs/{jobId}/households", "/api/v1/impact-jobs/" + NO_ID + "/households", null, IMPACT_READERS),
            new Row("GET", "/api/v1/impact-jobs/{jobId}/households.csv", "/api/v1/impact-jobs/" + NO_ID + "/households.csv", null, IMPACT_READERS),
            new Row("GET", "/api/v1/impact-jobs/{jobId}/households.xlsx", "/api/v1/impact-jobs/" + NO_ID + "/households.xlsx", null, IMPACT_READERS),
            new Row("DELETE", "/api/v1/impact-jobs/{jobId}", "/api/v1/impact-jobs/" + NO_ID, null, IMPACT_READERS),
            new Row("GET", "/api/v1/audit", "/api/v1/audit", null, Set.of(AUDITOR)),
            new Row("GET", "/api/v1/audit/verify", "/api/v1/audit/verify", null, Set.of(AUDITOR)),
            new Row("GET", "/api/v1/users", "/api/v1/users", null, Set.of(ADMIN)),
            new Row("POST", "/api/v1/users", "/api/v1/users", "{}", Set.of(ADMIN)),
            new Row("GET", "/api/v1/users/{username}", "/api/v1/users/nobody", null, Set.of(ADMIN)),
            new Row("PUT", "/api/v1/users/{username}", "/api/v1/users/nobody", "{}", Set.of(ADMIN)),
            new Row("GET", "/api/v1/api-keys", "/api/v1/api-keys", null, Set.of(ADMIN)),
            new Row("POST", "/api/v1/api-keys", "/api/v1/api-keys", "{}", Set.of(ADMIN)),
            new Row("DELETE", "/api/v1/api-keys/{id}", "/api/v1/api-keys/" + NO_ID, null, Set.of(ADMIN)),
            new Row("POST", "/api/v1/auth/token", "/api/v1/auth/token", "{}", null));

    /** One user per role, holding that role alone. */
    private static RequestSpecification as(String role) {
        return Auth.withRoles("only-" + role, role);
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            int anonymous = call(given(), row).statusCode();
            if (row.allowed() == null ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(row.endpoint() + " anonymous → " + anonymous);
            }
            if (row.allowed() == null) {
                continue;
            }
            for (String role : Roles.ALL) {
                Response response = call(as(role), row);
                int status = response.statusCode();
                boolean allowed = row.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(row.endpoint() + " as " + role + " → " + status + " " + response.asString());
                }
                if (row.endpoint().equals("POST /api/v1/rule-sets/rollback") && status == 200) {
                    call(as(role), row).then().statusCode(200); // rollback flips the last two versions: flip back
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void withoutATokenBusinessEndpointsAnswer401AsProblemDetails() {
        given().get("/api/v1/assessments/" + NO_ID).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not.a.token").get("/api/v1/catalog/services").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theMatrixCoversEveryEndpointAndEveryEndpointDeclaresItsRoles() {
        Map<String, Method> endpoints = new LinkedHashMap<>();
        List<String> undeclared = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uz.inson.assess")) {
            Class<?> resource = type.reflect();
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = resource.getAnnotation(Path.class).value()
                        + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
                String endpoint = verb + " " + path.replaceAll("\\{(\\w+)[^}]*}", "{$1}");
                // Pages answer a browser (sign-in redirects, HTML): their roles are checked by the page tests
                if (path.startsWith("/api/")) {
                    endpoints.put(endpoint, method);
                }
                boolean declared = Arrays.stream(new Class<?>[] {RolesAllowed.class, Authenticated.class, PermitAll.class})
                        .anyMatch(a -> method.isAnnotationPresent(a.asSubclass(java.lang.annotation.Annotation.class))
                                || resource.isAnnotationPresent(a.asSubclass(java.lang.annotation.Annotation.class)));
                if (!declared) {
                    undeclared.add(endpoint);
                }
                if (method.isAnnotationPresent(PermitAll.class) && !OPEN.contains(endpoint)) {
                    undeclared.add(endpoint + " is open to everyone");
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "endpoints without roles: " + undeclared);
        Set<String> inMatrix = MATRIX.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(endpoints.keySet()), inMatrix, "the matrix and the endpoints differ");
    }

    private static String verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static Response call(RequestSpecification request, Row row) {
        if ("multipart".equals(row.body())) {
            request = request.multiPart("version", "not-a-version").multiPart("files", "parameters.drl.xlsx", new byte[] {1});
        } else if ("ndjson".equals(row.body())) {
            request = request.contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (row.body() != null) {
            request = request.contentType(ContentType.JSON).body(row.body());
        }
        return request.request(row.method(), row.path());
    }
}
