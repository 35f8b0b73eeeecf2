package uz.inson.assess.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The append-only, hash-chained audit trail. Each entry's hash covers its fields and the previous entry's hash, so
 * changing or deleting any row breaks every hash after it. Writers on all instances take one advisory lock, which
 * keeps the chain a single line in id order.
 */
@ApplicationScoped
public class AuditTrail {
    static final String GENESIS = "0".repeat(64);
    /** Any constant: the advisory lock that serialises writers of the chain across instances. */
    static final long CHAIN_LOCK = 0x1A5D17L;
    private static final int VERIFY_BATCH = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPEND = "select audit_append(?, ?, cast(? as jsonb))";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    /** The hash this instance last chained: where it expects the chain's head to be. Only a guess; the database checks it. */
    private final AtomicReference<String> expectedHead = new AtomicReference<>(GENESIS);

    AuditTrail(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** What happened and when, before it is chained. */
    public record Event(OffsetDateTime at, String actor, String roles, String action, String objectId, int outcome, String clientAddress) {
    }

    public record EntryView(long id, OffsetDateTime at, String actor, String roles, String action, String objectId, int outcome,
                            String clientAddress, String prevHash, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id, e.at, e.actor, e.roles, e.action, e.objectId, e.outcome, e.clientAddress, e.prevHash, e.hash);
        }
    }

    @Schema(name = "AuditPage")
    public record Page(List<EntryView> items, int page, int size, long total) {
    }

    /** The result of walking the chain; the head hash can be written down elsewhere to detect truncation later. */
    public record Verification(boolean intact, long entries, Long firstBrokenId, String reason, String headHash) {
    }

    /** Chains an entry on its own, for what changed nothing: a refusal, a failure, a read, a sign-in. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Event event) {
        append(List.of(event));
    }

    /**
     * Chains an entry in the caller's transaction, so the change and its entry are committed together or not at all.
     * The chain's lock is taken last and held only until that commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithin(Event event) {
        append(List.of(event));
    }

    /** Chains entries in the caller's transaction, in order ({@link GroupCommit}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordAllWithin(List<Event> events) {
        append(events);
    }

    /**
     * Chains entries that come with no change (dry runs', refusals'), in order ({@link GroupCommit}), in one statement
     * outside any transaction: PostgreSQL commits it, its WAL flushed, before it answers, so one round trip instead of
     * the statement and a COMMIT. If the chain's head was not where this instance expected, they go in a transaction of
     * their own, chained onto the head the statement found, or onto the real one while the transaction holds the lock.
     */
    void recordAlone(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        String previous = expectedHead.get();
        List<AuditEntry> entries = chain(events, previous);
        expectedHead.set(entries.get(entries.size() - 1).hash);
        String head = QuarkusTransaction.suspendingExisting().call(() -> appendOutsideTransaction(previous, entries));
        if (head != null) {
            QuarkusTransaction.requiringNew().run(() -> appendUnderLock(head, events));
        }
    }

    private void append(List<Event> events) {
        // What the transaction changed is written first, so the chain's lock covers only the chain and the commit
        em.flush();
        if (!events.isEmpty()) {
            appendUnderLock(expectedHead.get(), events);
        }
    }

    /**
     * Onto {@code expected}, the head as this instance knows it; if another instance wrote, or a group expected at the head
     * was rolled back, onto the real head, which cannot move again while this transaction holds the lock.
     */
    private void appendUnderLock(String expected, List<Event> events) {
        String head = appendChainedOnto(expected, events);
        if (head != null && appendChainedOnto(head, events) != null) {
            throw new IllegalStateException("The audit chain's head moved while its lock was held");
        }
    }

    /**
     * Chains the entries onto {@code previous} and appends them if that is the chain's head; otherwise returns the head.
     * Whoever chains next in this instance expects these entries at the head: two groups under way at once then both
     * append in one round trip, unless this one fails, when the next is told the real head.
     */
    private String appendChainedOnto(String previous, List<Event> events) {
        List<AuditEntry> entries = chain(events, previous);
        expectedHead.set(entries.get(entries.size() - 1).hash);
        return (String) em.createNativeQuery("select audit_append(?1, ?2, cast(?3 as jsonb))")
                .setParameter(1, CHAIN_LOCK).setParameter(2, previous).setParameter(3, rows(entries)).getSingleResult();
    }

    /** As {@link #appendChainedOnto}, on a connection in auto-commit, the entries chained already. */
    private String appendOutsideTransaction(String previous, List<AuditEntry> entries) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement append = connection.prepareStatement(APPEND)) {
            append.setLong(1, CHAIN_LOCK);
            append.setString(2, previous);
            append.setString(3, rows(entries));
            try (ResultSet head = append.executeQuery()) {
                head.next();
                return head.getString(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("The audit entries could not be appended", e);
        }
    }

    /** The entries chained one after the other, the first onto {@code previous}. */
    private static List<AuditEntry> chain(List<Event> events, String previous) {
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (Event event : events) {
            AuditEntry entry = entry(event, previous);
            entries.add(entry);
            previous = entry.hash;
        }
        return entries;
    }

    /** The entries as audit_append reads them (V10__audit_append.sql). */
    private static String rows(List<AuditEntry> entries) {
        ArrayNode rows = JSON.createArrayNode();
        for (AuditEntry e : entries) {
            rows.addObject().put("at", e.at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).put("actor", e.actor).put("roles", e.roles)
                    .put("action", e.action).put("objectId", e.objectId).put("outcome", e.outcome)
                    .put("clientAddress", e.clientAddress).put("prevHash", e.prevHash).put("hash", e.hash);
        }
        return rows.toString();
    }

    /** The entry that follows the one whose hash is {@code previous}, hashed. */
    private static AuditEntry entry(Event event, String previous) {
        AuditEntry entry = new AuditEntry();
        entry.at = event.at().truncatedTo(ChronoUnit.MICROS);
        entry.actor = cut(event.actor(), 100);
        entry.roles = cut(event.roles(), 300);
        entry.action = cut(event.action(), 200);
        entry.objectId = cut(event.objectId(), 200);
        entry.outcome = event.outcome();
        entry.clientAddress = cut(event.clientAddress(), 100);
        entry.prevHash = previous;
        entry.hash = hash(entry);
        return entry;
    }

    /** Newest first, optionally narrowed to one actor, one object, an action prefix or a time window. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.actor() != null) {
            where.append(" and actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.objectId() != null) {
            where.append(" and objectId = :object");
            parameters.and("object", filter.objectId());
        }
        if (filter.action() != null) {
            where.append(" and action like :action");
            parameters.and("action", filter.action().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.append(" and at >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            parameters.and("to", filter.to());
        }
        var query = AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("id"), parameters);
        List<EntryView> items = query.page(page, size).list().stream().map(EntryView::of).toList();
        return new Page(items, page, size, query.count());
    }

    public record Filter(String actor, String objectId, String action, OffsetDateTime from, OffsetDateTime to) {
    }

    /** Recomputes every hash in id order, a batch at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify() {
        String previous = GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where id > :after order by id", AuditEntry.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                return new Verification(true, checked, null, null, previous);
            }
            for (AuditEntry entry : batch) {
                if (!entry.prevHash.equals(previous)) {
                    return new Verification(false, checked, entry.id, "does not follow the entry before it (one was changed or removed)", null);
                }
                if (!hash(entry).equals(entry.hash)) {
                    return new Verification(false, checked, entry.id, "its content does not match its hash (it was changed)", null);
                }
                previous = entry.hash;
                checked++;
                after = entry.id;
            }
            em.clear();
        }
    }

    static String hash(AuditEntry e) {
        List<String> fields = new ArrayList<>(List.of(e.prevHash, e.at.toInstant().toString(), e.actor, e.roles, e.action,
                nz(e.objectId), Integer.toString(e.outcome), nz(e.clientAddress)));
        try {
            // Unit separators between fields, so no two different entries can join to the same text.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Shortened to the column, control characters (NUL cannot be stored) replaced: whatever a client sent is recorded. */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String plain = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return plain.length() <= max ? plain : plain.substring(0, max);
    }
}
