package uz.inson.assess.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.common.TooManyRequestsException;

import java.time.Duration;

/**
 * Slows password guessing: a few failed sign-ins per user name and a few more per client address, then 429 with
 * Retry-After until the bucket refills. Per instance; behind a load balancer each instance counts on its own.
 */
@ApplicationScoped
public class LoginThrottle {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(30)).build();
    private final int failuresPerUser;
    private final int attemptsPerAddress;

    LoginThrottle(AuthConfig config) {
        this.failuresPerUser = config.login().failuresPerUser();
        this.attemptsPerAddress = config.login().attemptsPerAddress();
    }

    /** Counts an attempt from this address; refuses when the user name has failed too often or the address tries too fast. */
    void check(String username, String address) {
        EstimationProbe user = userBucket(username).estimateAbilityToConsume(1);
        if (!user.canBeConsumed()) {
            throw TooManyRequestsException.retryAfterNanos(user.getNanosToWaitForRefill());
        }
        ConsumptionProbe probe = buckets.get("address:" + address,
                k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(attemptsPerAddress).refillGreedy(attemptsPerAddress, Duration.ofMinutes(1)).build()).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw TooManyRequestsException.retryAfterNanos(probe.getNanosToWaitForRefill());
        }
    }

    void failed(String username) {
        userBucket(username).tryConsume(1);
    }

    private Bucket userBucket(String username) {
        return buckets.get("user:" + username,
                k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(failuresPerUser).refillGreedy(failuresPerUser, Duration.ofMinutes(15)).build()).build());
    }
}
