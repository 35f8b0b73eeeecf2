package uz.inson.assess.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** API keys of integrating systems, sent as {@code Authorization: ApiKey <key>} or {@code X-API-Key: <key>}. */
public final class ApiKeyAuthentication {
    static final String HEADER = "X-API-Key";
    static final String SCHEME = "ApiKey";
    /** Identity attribute: the key's own rate limit, when it has one. */
    public static final String REQUESTS_PER_MINUTE = "requestsPerMinute";

    private ApiKeyAuthentication() {
    }

    static final class ApiKeyRequest extends BaseAuthenticationRequest {
        final String key;

        ApiKeyRequest(String key) {
            this.key = key;
        }
    }

    @ApplicationScoped
    static class Mechanism implements HttpAuthenticationMechanism {
        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            String key = context.request().getHeader(HEADER);
            String authorization = context.request().getHeader("Authorization");
            if (key == null && authorization != null && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
                key = authorization.substring(SCHEME.length() + 1).strip();
            }
            if (key == null) {
                return Uni.createFrom().nullItem();
            }
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(key), context));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().nullItem();
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(ApiKeyRequest.class);
        }

        @Override
        public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
            return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
        }
    }

    @ApplicationScoped
    static class Provider implements IdentityProvider<ApiKeyRequest> {
        private final ApiKeyService keys;

        Provider(ApiKeyService keys) {
            this.keys = keys;
        }

        @Override
        public Class<ApiKeyRequest> getRequestType() {
            return ApiKeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
            // A key in memory is answered on the I/O thread: a hand-off to a worker and back costs more than the lookup
            ApiKeyService.KnownKey known = keys.knownInMemory(request.key);
            if (known != null) {
                return Uni.createFrom().item(identity(known));
            }
            return context.runBlocking(() -> identity(keys.authenticate(request.key)
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked API key"))));
        }

        private static SecurityIdentity identity(ApiKeyService.KnownKey key) {
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + key.id()))
                    .addRoles(UserService.roleSet(key.roles()));
            if (key.region() != null) {
                identity.addAttribute(Caller.REGION, key.region());
            }
            if (key.district() != null) {
                identity.addAttribute(Caller.DISTRICT, key.district());
            }
            if (key.requestsPerMinute() != null) {
                identity.addAttribute(REQUESTS_PER_MINUTE, key.requestsPerMinute());
            }
            return identity.build();
        }
    }
}
