package uz.inson.assess.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import uz.inson.assess.audit.AuditedChange;
import uz.inson.assess.audit.AuditedObject;
import uz.inson.assess.common.PlainText;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.Region;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Users of the local issuer: passwords as bcrypt hashes, demo users for the embedded default, a first admin on request. */
@ApplicationScoped
@Transactional
public class UserService {
    private static final Logger LOG = Logger.getLogger(UserService.class);
    /** A hash to compare against when the user does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-password");
    static final int MIN_PASSWORD_LENGTH = 12;

    /** The demo users of the README: each role once, two case workers in different districts of one region. */
    public record DemoUser(String username, List<String> roles, String region, String district) {
    }

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("caseworker", List.of(Roles.CASE_WORKER), "NAMANGAN", "Chust"),
            new DemoUser("caseworker2", List.of(Roles.CASE_WORKER), "NAMANGAN", "Pop"),
            new DemoUser("policy", List.of(Roles.POLICY_OFFICER), null, null),
            new DemoUser("approver", List.of(Roles.POLICY_APPROVER), null, null),
            new DemoUser("ruledev", List.of(Roles.RULE_DEVELOPER, Roles.POLICY_OFFICER), null, null),
            new DemoUser("auditor", List.of(Roles.AUDITOR), null, null),
            new DemoUser("admin", List.of(Roles.ADMIN), null, null),
            new DemoUser("integration", List.of(Roles.INTEGRATION_CLIENT), null, null));

    /** What an admin sees of a user; never the hash. */
    public record UserView(String username, List<String> roles, String region, String district, boolean enabled, boolean demo,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) implements AuditedObject {

    @Override
    public String auditedId() {
        return username;
    }
        static UserView of(UserEntity user) {
            return new UserView(user.username, split(user.roles), user.region, user.district, user.enabled, user.demo, user.createdAt, user.updatedAt);
        }
    }

    public record UserPage(List<UserView> items, int page, int size, long total) {
    }

    /** A new user, or the fields to change of an existing one (null: unchanged). */
    /** A new user (username, password and roles required) or a change to one (every field optional). */
    public record UserChange(
            @Schema(description = "Required to create; ignored on change (the path names the user)", pattern = "^[a-z][a-z0-9._-]{2,63}$",
                    minLength = 3, maxLength = 64, examples = "dilnoza.karimova") String username,
            @Schema(description = "Required to create", minLength = MIN_PASSWORD_LENGTH, maxLength = 72, format = "password") String password,
            @Schema(description = "Required to create; at least one", minItems = 1, uniqueItems = true) List<String> roles,
            @Schema(description = "Required for a case worker") String region,
            @Schema(description = "A district of the region; needs a region", maxLength = 100, examples = "Chust") String district,
            @Schema(description = "false disables the user: sign-in is refused") Boolean enabled) {
    }

    private final boolean demoUsers;
    private final Optional<String> bootstrapAdminPassword;
    private final Clock clock;

    UserService(@ConfigProperty(name = "inson.embedded-postgres.active", defaultValue = "false") boolean embeddedDatabase,
                AuthConfig auth, Clock clock) {
        this.clock = clock;
        // Demo users only where nothing real can be: the embedded database, and never the production profile.
        this.demoUsers = embeddedDatabase && LaunchMode.current() != LaunchMode.NORMAL;
        this.bootstrapAdminPassword = auth.bootstrapAdminPassword().filter(p -> !p.isBlank());
    }

    void onStart(@Observes StartupEvent start) {
        if (demoUsers) {
            for (DemoUser demo : DEMO_USERS) {
                if (UserEntity.findById(demo.username()) == null) {
                    UserEntity user = newUser(demo.username(), demo.username() + "-demo", demo.roles(), demo.region(), demo.district());
                    user.demo = true;
                    user.persist();
                }
            }
            LOG.infof("Demo users are on (embedded database, %s profile): each signs in with <username>-demo", LaunchMode.current().getDefaultProfile());
        }
        if (bootstrapAdminPassword.isPresent() && UserEntity.count("roles like ?1", "%" + Roles.ADMIN + "%") == 0) {
            checkPassword(bootstrapAdminPassword.get());
            newUser("admin", bootstrapAdminPassword.get(), List.of(Roles.ADMIN), null, null).persist();
            LOG.info("Created the first admin user from inson.auth.bootstrap-admin-password");
        }
    }

    /** Who signed in: what goes into their token. */
    public record Account(String username, Set<String> roles, String region, String district) {
    }

    /** The account, if the password is right and the user may sign in. Takes as long for an unknown name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> authenticate(String username, String password) {
        UserEntity user = username == null ? null : UserEntity.findById(username);
        boolean matches = BcryptUtil.matches(password == null ? "" : password, user == null ? DUMMY_HASH : user.passwordHash);
        return matches && user != null && user.enabled
                ? Optional.of(new Account(user.username, roleSet(user.roles), user.region, user.district)) : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserPage list(int page, int size) {
        List<UserView> items = UserEntity.<UserEntity>findAll(io.quarkus.panache.common.Sort.by("username")).page(page, size).list()
                .stream().map(UserView::of).toList();
        return new UserPage(items, page, size, UserEntity.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView find(String username) {
        return UserView.of(existing(username));
    }

    @AuditedChange(status = 201)
    public UserView create(UserChange change) {
        if (change == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<Violation> problems = new ArrayList<>();
        if (change.username() == null || !change.username().matches("[a-z][a-z0-9._-]{2,63}")) {
            problems.add(new Violation("username", "must be 3 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter"));
        } else if (UserEntity.findById(change.username()) != null) {
            throw new ProblemException(409, "conflict", "User " + change.username() + " already exists", List.of(new Violation("username", "is taken")));
        }
        if (change.password() == null) {
            problems.add(new Violation("password", "is required"));
        }
        if (change.roles() == null) {
            problems.add(new Violation("roles", "is required"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        checkPassword(change.password());
        UserEntity user = newUser(change.username(), change.password(), change.roles(), change.region(), change.district());
        if (change.enabled() != null) {
            user.enabled = change.enabled();
        }
        user.persist();
        return UserView.of(user);
    }

    @AuditedChange
    public UserView update(String username, UserChange change) {
        if (change == null) {
            throw ProblemException.invalid("body", "is required");
        }
        UserEntity user = existing(username);
        if (change.password() != null) {
            checkPassword(change.password());
            user.passwordHash = BcryptUtil.bcryptHash(change.password());
        }
        List<String> roles = change.roles() != null ? change.roles() : split(user.roles);
        String region = change.region() != null ? change.region() : user.region;
        String district = change.district() != null ? change.district() : user.district;
        checkScope(roles, region, district);
        user.roles = String.join(",", new TreeSet<>(roles));
        user.region = blankToNull(region);
        user.district = blankToNull(district);
        if (change.enabled() != null) {
            user.enabled = change.enabled();
        }
        user.updatedAt = now();
        return UserView.of(user);
    }

    private UserEntity newUser(String username, String password, List<String> roles, String region, String district) {
        checkScope(roles, region, district);
        UserEntity user = new UserEntity();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles = String.join(",", new TreeSet<>(roles));
        user.region = blankToNull(region);
        user.district = blankToNull(district);
        user.enabled = true;
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        return user;
    }

    /** Roles must be known; a case worker must have a region (and so a territory), and a district needs a region. */
    static void checkScope(List<String> roles, String region, String district) {
        List<Violation> problems = new ArrayList<>();
        if (roles.isEmpty()) {
            problems.add(new Violation("roles", "must name at least one role"));
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || !Roles.ALL.contains(roles.get(i))) {
                problems.add(new Violation("roles[" + i + "]", "'" + roles.get(i) + "' is not one of " + Roles.ALL));
            }
        }
        boolean hasRegion = region != null && !region.isBlank();
        if (hasRegion && Arrays.stream(Region.values()).noneMatch(r -> r.name().equals(region))) {
            problems.add(new Violation("region", "'" + region + "' is not one of " + Arrays.toString(Region.values())));
        }
        if (!hasRegion && roles.contains(Roles.CASE_WORKER)) {
            problems.add(new Violation("region", "is required for a case worker"));
        }
        if (!hasRegion && district != null && !district.isBlank()) {
            problems.add(new Violation("district", "needs a region"));
        }
        if (district != null && (district.length() > 100 || district.chars().anyMatch(Character::isISOControl))) {
            problems.add(new Violation("district", "must be at most 100 characters, without control characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static void checkPassword(String password) {
        PlainText.check("password", password, 72);
        if (password.length() < MIN_PASSWORD_LENGTH || password.length() > 72) {
            // bcrypt reads at most 72 bytes
            throw ProblemException.invalid("password", "must be " + MIN_PASSWORD_LENGTH + " to 72 characters");
        }
    }

    private static UserEntity existing(String username) {
        UserEntity user = username == null ? null : UserEntity.findById(username);
        if (user == null) {
            throw ProblemException.notFound("User " + username);
        }
        return user;
    }

    static List<String> split(String roles) {
        return roles == null || roles.isBlank() ? List.of() : List.of(roles.split(","));
    }

    static Set<String> roleSet(String roles) {
        return Set.copyOf(split(roles));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
