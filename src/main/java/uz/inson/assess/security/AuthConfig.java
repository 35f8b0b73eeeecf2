package uz.inson.assess.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Sign-in of the service's own issuer: how many attempts before the throttle answers 429. */
@ConfigMapping(prefix = "inson.auth.login")
public interface AuthConfig {
    /** Failed sign-ins per user name in 15 minutes. */
    @WithName("failures-per-user-per-15-minutes")
    @WithDefault("5")
    int failuresPerUser();

    /** Sign-in attempts per client address in a minute. */
    @WithName("attempts-per-address-per-minute")
    @WithDefault("30")
    int attemptsPerAddress();
}
