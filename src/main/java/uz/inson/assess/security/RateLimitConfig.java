package uz.inson.assess.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests per minute before 429; counted per instance. */
@ConfigMapping(prefix = "inson.rate-limit")
public interface RateLimitConfig {
    /** Per signed-in user or API key (a key may carry its own). */
    @WithDefault("600")
    int requestsPerMinute();

    /** Per client address before sign-in. */
    @WithDefault("60")
    int anonymousRequestsPerMinute();
}
