package uz.inson.assess.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * entropy than a password, so a fast hash is enough and keeps every request cheap). Valid keys are kept in memory
 * between requests only while {@link ApiKeyRevocations} hears every revocation from every instance, so a revoked key
 * stops working at once everywhere.
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
    /** Valid keys by hash; a bound on both size and age, though a revocation removes one at once. */
    private final Cache<String, KnownKey> known = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Guards the two below: a key read before a revocation is never kept after it. */
    private final Object cacheLock = new Object();
    private long revocations;
    private boolean caching;
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

    /** A valid key as a request needs it. */
    public record KnownKey(UUID id, String roles, String region, String district, Integer requestsPerMinute, OffsetDateTime expiresAt) {
        static KnownKey of(ApiKeyEntity key) {
            return new KnownKey(key.id, key.roles, key.region, key.district, key.requestsPerMinute, key.expiresAt);
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
            forget(id);
            // delivered to every instance's ApiKeyRevocations once this commits
            ApiKeyEntity.getEntityManager().createNativeQuery("select pg_notify(?1, cast(?2 as text))")
                    .setParameter(1, ApiKeyRevocations.CHANNEL).setParameter(2, id.toString()).getSingleResult();
        }
        return KeyView.of(key, now());
    }

    /** The key if it exists, is not revoked and has not expired; notes when it was last used (once a minute at most). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownKey> authenticate(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(key);
        KnownKey found = known.getIfPresent(hash);
        if (found == null) {
            long seen;
            synchronized (cacheLock) {
                seen = revocations;
            }
            found = ApiKeyEntity.<ApiKeyEntity>find("keyHash", hash).firstResultOptional()
                    .filter(k -> k.revokedAt == null).map(KnownKey::of).orElse(null);
            synchronized (cacheLock) {
                if (found != null && caching && revocations == seen) {
                    known.put(hash, found);
                }
            }
        }
        OffsetDateTime now = now();
        if (found == null || !found.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        if (useDue(found.id(), now)) {
            UUID id = found.id();
            lastWritten.put(id, now);
            QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.update("lastUsedAt = ?1 where id = ?2", now, id));
        }
        return Optional.of(found);
    }

    /**
     * What {@link #authenticate} would answer, when it can be had without the database: a key kept in memory, unexpired,
     * whose last use was written within the minute. Otherwise null, and only {@link #authenticate} can tell.
     * Called on the I/O thread, so it starts no transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownKey knownInMemory(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return null;
        }
        KnownKey found = known.getIfPresent(sha256(key));
        OffsetDateTime now = now();
        return found == null || !found.expiresAt().isAfter(now) || useDue(found.id(), now) ? null : found;
    }

    private boolean useDue(UUID id, OffsetDateTime now) {
        OffsetDateTime written = lastWritten.get(id);
        return written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now);
    }

    /** A key revoked here or on another instance: it is read again, and found revoked, at its next use. */
    void forget(UUID id) {
        synchronized (cacheLock) {
            revocations++;
            known.asMap().values().removeIf(k -> k.id().equals(id));
        }
    }

    /** Keys are kept in memory only while revocations can be heard; either way, what was kept is dropped. */
    void caching(boolean on) {
        synchronized (cacheLock) {
            revocations++;
            caching = on;
            known.invalidateAll();
        }
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
