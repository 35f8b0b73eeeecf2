package uz.inson.assess.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.audit.AuditedChange;
import uz.inson.assess.audit.AuditedObject;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of integrating systems. A key is 32 random bytes, shown once; only its SHA-256 is stored (a key has far more
 * entropy than a password, so a fast hash is enough and keeps every request cheap).
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {
    static final String PREFIX = "ia_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private final SecureRandom random = new SecureRandom();
    /** When each key's last-used time was last written, so a busy key costs one UPDATE a minute, not one per request. */
    private final Map<UUID, OffsetDateTime> lastWritten = new ConcurrentHashMap<>();
    private final Clock clock;

    ApiKeyService(Clock clock) {
        this.clock = clock;
    }

    public record NewKey(
            @Schema(required = true, description = "What the key is for, e.g. the calling system", minLength = 1, maxLength = 100,
                    examples = "Social registry nightly re-assessment") String name,
            @Schema(required = true, description = "Never admin", minItems = 1, uniqueItems = true) List<String> roles,
            @Schema(description = "Territory of a case-worker key") String region,
            @Schema(description = "A district of the region; needs a region", maxLength = 100) String district,
            @Schema(required = true, description = "In the future, at most 366 days away") OffsetDateTime expiresAt,
            @Schema(description = "The key's own rate limit; default: the service's", minimum = "1", maximum = "1000000") Integer requestsPerMinute) {
    }

    /** What an admin sees of a key; the key itself only in {@link Created}. */
    public record KeyView(UUID id, String name, List<String> roles, String region, String district, Integer requestsPerMinute,
                          String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy,
                          OffsetDateTime lastUsedAt, boolean active) {
        static KeyView of(ApiKeyEntity key, OffsetDateTime now) {
            return new KeyView(key.id, key.name, UserService.split(key.roles), key.region, key.district, key.requestsPerMinute, key.createdBy,
                    key.createdAt, key.expiresAt, key.revokedAt, key.revokedBy, key.lastUsedAt, key.revokedAt == null && key.expiresAt.isAfter(now));
        }
    }

    /** The answer to a creation: the only time the key is shown. */
    public record Created(String key, KeyView details) implements AuditedObject {

        @Override
        public String auditedId() {
            return details.id().toString();
        }
    }

    public record KeyPage(List<KeyView> items, int page, int size, long total) {
    }

    @AuditedChange(status = 201)
    public Created create(NewKey request, String createdBy) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<Violation> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100
                || request.name().chars().anyMatch(Character::isISOControl)) {
            problems.add(new Violation("name", "is required: at most 100 characters, without control characters"));
        }
        if (request.roles() == null) {
            problems.add(new Violation("roles", "is required"));
        }
        OffsetDateTime now = now();
        if (request.expiresAt() == null || !request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            problems.add(new Violation("expiresAt", "must be in the future and at most " + MAX_LIFETIME.toDays() + " days away"));
        }
        if (request.requestsPerMinute() != null && (request.requestsPerMinute() < 1 || request.requestsPerMinute() > 1_000_000)) {
            problems.add(new Violation("requestsPerMinute", "must be between 1 and 1000000"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        UserService.checkScope(request.roles(), request.region(), request.district());
        if (request.roles().contains(Roles.ADMIN)) {
            throw ProblemException.invalid("roles", "an API key cannot be an admin: admins are people");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyEntity entity = new ApiKeyEntity();
        entity.id = UUID.randomUUID();
        entity.name = request.name().strip();
        entity.keyHash = sha256(key);
        entity.roles = String.join(",", new TreeSet<>(request.roles()));
        entity.region = request.region() == null || request.region().isBlank() ? null : request.region();
        entity.district = request.district() == null || request.district().isBlank() ? null : request.district().strip();
        entity.requestsPerMinute = request.requestsPerMinute();
        entity.createdBy = createdBy;
        entity.createdAt = now;
        entity.expiresAt = request.expiresAt();
        entity.persist();
        return new Created(key, KeyView.of(entity, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyPage list(int page, int size) {
        OffsetDateTime now = now();
        List<KeyView> items = ApiKeyEntity.<ApiKeyEntity>findAll(Sort.descending("createdAt")).page(page, size).list().stream()
                .map(k -> KeyView.of(k, now)).toList();
        return new KeyPage(items, page, size, ApiKeyEntity.count());
    }

    @AuditedChange
    public KeyView revoke(UUID id, String revokedBy) {
        ApiKeyEntity key = ApiKeyEntity.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key " + id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = now();
            key.revokedBy = revokedBy;
        }
        return KeyView.of(key, now());
    }

    /** The key's record if it exists, is not revoked and has not expired; notes when it was last used. */
    public Optional<ApiKeyEntity> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiKeyEntity> found = ApiKeyEntity.<ApiKeyEntity>find("keyHash", sha256(key)).firstResultOptional();
        OffsetDateTime now = now();
        found = found.filter(k -> k.revokedAt == null && k.expiresAt.isAfter(now));
        found.ifPresent(k -> {
            OffsetDateTime written = lastWritten.get(k.id);
            if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                k.lastUsedAt = now;
                lastWritten.put(k.id, now);
            }
        });
        return found;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
