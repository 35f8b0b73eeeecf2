package uz.inson.assess.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uz.inson.assess.security.Roles;
import uz.inson.assess.security.UserEntity;
import uz.inson.assess.security.UserService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Signs tests in through the real token endpoint. Users are the README's demo users (created here too when the
 * database is an external one, where the service itself seeds none), or case workers made for a household's region.
 */
public final class Auth {
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern REGION = Pattern.compile("\"region\"\\s*:\\s*\"([A-Z_]+)\"");

    private Auth() {
    }

    /** A request signed in as this demo user (password {@code <name>-demo}). */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user));
    }

    /** A request by a case worker serving the whole region of this household (its JSON). */
    public static RequestSpecification caseWorkerFor(String householdJson) {
        Matcher region = REGION.matcher(householdJson);
        if (!region.find()) {
            throw new IllegalArgumentException("no region in the household");
        }
        String name = "cw-" + region.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
        ensure(name, List.of(Roles.CASE_WORKER), region.group(1), null);
        return as(name);
    }

    /** A user with exactly these roles, for a test that needs an unusual combination. */
    public static RequestSpecification withRoles(String name, String... roles) {
        ensure(name, List.of(roles), null, null);
        return as(name);
    }

    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, name -> {
            UserService.DEMO_USERS.stream().filter(d -> d.username().equals(name)).findFirst()
                    .ifPresent(d -> ensure(d.username(), d.roles(), d.region(), d.district()));
            return given().contentType(ContentType.JSON).body(Map.of("username", name, "password", name + "-demo"))
                    .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        });
    }

    private static void ensure(String name, List<String> roles, String region, String district) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (UserEntity.findById(name) == null) {
                UserEntity user = new UserEntity();
                user.username = name;
                user.passwordHash = BcryptUtil.bcryptHash(name + "-demo");
                user.roles = String.join(",", roles);
                user.region = region;
                user.district = district;
                user.enabled = true;
                user.demo = true;
                user.createdAt = OffsetDateTime.now();
                user.updatedAt = user.createdAt;
                user.persist();
            }
        });
    }
}
