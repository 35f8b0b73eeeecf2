package uz.inson.assess.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uz.inson.assess.common.ProblemMappers;
import uz.inson.assess.common.TooManyRequestsException;

import java.time.Duration;

/**
 * Requests per minute per caller: per user or API key once signed in (a key may carry its own limit), per client
 * address before. Over the limit: 429 with Retry-After. Counted per instance.
 */
public class RateLimitFilter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final CurrentIdentityAssociation identities;
    private final int perCaller;
    private final int perAnonymousAddress;

    RateLimitFilter(CurrentIdentityAssociation identities,
                    RateLimitConfig config) {
        this.identities = identities;
        this.perCaller = config.requestsPerMinute();
        this.perAnonymousAddress = config.anonymousRequestsPerMinute();
    }

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest http) {
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            String key;
            int perMinute;
            if (identity == null || identity.isAnonymous()) {
                key = "address:" + ClientAddress.of(http);
                perMinute = perAnonymousAddress;
            } else {
                key = "caller:" + identity.getPrincipal().getName();
                perMinute = ownLimit(identity);
            }
            // The limit is part of the key, so a changed limit takes effect with a fresh bucket.
            ConsumptionProbe probe = buckets.get(key + "@" + perMinute, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build())
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? null : ProblemMappers.response(TooManyRequestsException.retryAfterNanos(probe.getNanosToWaitForRefill()));
        });
    }

    private int ownLimit(SecurityIdentity identity) {
        Integer own = identity.getAttribute(ApiKeyAuthentication.REQUESTS_PER_MINUTE);
        return own != null ? own : perCaller;
    }
}
