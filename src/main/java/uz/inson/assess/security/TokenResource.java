package uz.inson.assess.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.audit.AuditContext;
import uz.inson.assess.common.ProblemException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The local issuer: a user name and password in, a signed JWT out (OAuth2-style answer). */
@Path("/api/v1/auth/token")
@Tag(name = "Sign-in", description = "Bearer tokens of the service's own issuer")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditContext audit;
    private final boolean enabled;
    private final String issuer;
    private final String audience;
    private final Duration lifespan;

    TokenResource(UserService users, LoginThrottle throttle, AuditContext audit,
                  @ConfigProperty(name = "inson.auth.local-issuer.enabled", defaultValue = "true") boolean enabled,
                  @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                  @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audience,
                  @ConfigProperty(name = "inson.auth.token-lifespan", defaultValue = "PT1H") Duration lifespan) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.enabled = enabled;
        this.issuer = issuer;
        this.audience = audience.get(0);
        this.lifespan = lifespan;
    }

    public record Credentials(@Schema(required = true, minLength = 1, maxLength = 64, examples = "caseworker") String username,
                              @Schema(required = true, minLength = 1, maxLength = 72, format = "password", examples = "caseworker-demo") String password) {
    }

    public record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn) {
    }

    @POST
    @PermitAll
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in: returns a bearer token for the Authorization header",
            description = "Checks the user name and password and returns a bearer token (RS256 JWT) for the Authorization header. Repeated failures are throttled with 429.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong user name or password, or the user is disabled")
    @APIResponse(responseCode = "429", description = "Too many attempts; Retry-After says when to try again")
    public Token token(Credentials credentials, @Context HttpServerRequest request) {
        if (!enabled) {
            throw ProblemException.notFound("Local sign-in (it is switched off: use the configured identity provider)");
        }
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw ProblemException.invalid(credentials == null || credentials.username() == null ? "username" : "password", "is required");
        }
        // A name no user can have is answered like a wrong password, without asking the database.
        boolean plausible = USERNAME.matcher(credentials.username()).matches();
        String username = plausible ? credentials.username() : "(not a user name)";
        audit.actor(username);
        throttle.check(username, ClientAddress.of(request));
        Optional<UserService.Account> account = plausible ? users.authenticate(username, credentials.password()) : Optional.empty();
        UserService.Account user = account.orElseThrow(() -> {
            throttle.failed(username);
            return new ProblemException(401, "unauthenticated", "Wrong user name or password", List.of());
        });
        JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(audience).upn(user.username()).subject(user.username())
                .groups(user.roles()).expiresIn(lifespan);
        if (user.region() != null) {
            claims.claim(Caller.REGION, user.region());
        }
        if (user.district() != null) {
            claims.claim(Caller.DISTRICT, user.district());
        }
        return new Token(claims.sign(), "Bearer", lifespan.toSeconds());
    }
}
