package uz.inson.assess.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * The service's own sign-in: tokens, the first admin and the throttle. Which tokens are accepted (issuer, audience,
 * key) are MicroProfile JWT's own {@code mp.jwt.verify.*} keys.
 */
@ConfigMapping(prefix = "inson.auth")
public interface AuthConfig {
    /**
     * Where the generated signing key pair is kept (empty: in memory only). Read before the application starts by
     * {@link SigningKeyConfigSourceFactory}, so its value is in application.properties, not here.
     */
    Optional<String> keyDirectory();

    /** Lifetime of a token from {@code POST /api/v1/auth/token}. */
    @WithDefault("PT1H")
    Duration tokenLifespan();

    /** Creates the user {@code admin} at start while no admin exists. */
    Optional<String> bootstrapAdminPassword();

    LocalIssuer localIssuer();

    Login login();

    interface LocalIssuer {
        /** false: tokens come only from the identity provider; no password sign-in here. */
        @WithDefault("true")
        boolean enabled();
    }

    /** How many attempts before the throttle answers 429. */
    interface Login {
        /** Failed sign-ins per user name in 15 minutes. */
        @WithName("failures-per-user-per-15-minutes")
        @WithDefault("5")
        int failuresPerUser();

        /** Sign-in attempts per client address in a minute. */
        @WithName("attempts-per-address-per-minute")
        @WithDefault("30")
        int attemptsPerAddress();
    }
}
