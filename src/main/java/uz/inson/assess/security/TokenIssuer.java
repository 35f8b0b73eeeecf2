package uz.inson.assess.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.inson.assess.audit.AuditContext;
import uz.inson.assess.common.ProblemException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Signs a user in: checks the password under the sign-in throttle and issues the local JWT; one door for the API and the pages. */
@ApplicationScoped
public class TokenIssuer {
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditContext audit;
    private final boolean enabled;
    private final String issuer;
    private final String audience;
    private final Duration lifespan;

    TokenIssuer(UserService users, LoginThrottle throttle, AuditContext audit,
                AuthConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audience) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.enabled = config.localIssuer().enabled();
        this.issuer = issuer;
        this.audience = audience.get(0);
        this.lifespan = config.tokenLifespan();
    }

    /** A signed token and the roles it carries. */
    public record Issued(String token, Set<String> roles) {
    }

    /** A signed token for this user, or 401 (wrong name or password), 429 (throttled), 404 (local sign-in switched off). */
    public Issued issue(String username, String password, String clientAddress) {
        if (!enabled) {
            throw ProblemException.notFound("Local sign-in (it is switched off: use the configured identity provider)");
        }
        if (username == null || password == null) {
            throw ProblemException.invalid(username == null ? "username" : "password", "is required");
        }
        // A name no user can have is answered like a wrong password, without asking the database.
        boolean plausible = USERNAME.matcher(username).matches();
        String name = plausible ? username : "(not a user name)";
        audit.actor(name);
        throttle.check(name, clientAddress);
        Optional<UserService.Account> account = plausible ? users.authenticate(name, password) : Optional.empty();
        UserService.Account user = account.orElseThrow(() -> {
            throttle.failed(name);
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
        return new Issued(claims.sign(), user.roles());
    }

    public Duration lifespan() {
        return lifespan;
    }
}
