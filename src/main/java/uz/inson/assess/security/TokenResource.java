package uz.inson.assess.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The local issuer: a user name and password in, a signed JWT out (OAuth2-style answer). */
@Path("/api/v1/auth/token")
@Tag(name = "Sign-in", description = "Bearer tokens of the service's own issuer")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    private final TokenIssuer issuer;

    TokenResource(TokenIssuer issuer) {
        this.issuer = issuer;
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
        TokenIssuer.Issued issued = credentials == null ? issuer.issue(null, null, ClientAddress.of(request))
                : issuer.issue(credentials.username(), credentials.password(), ClientAddress.of(request));
        return new Token(issued.token(), "Bearer", issuer.lifespan().toSeconds());
    }
}
