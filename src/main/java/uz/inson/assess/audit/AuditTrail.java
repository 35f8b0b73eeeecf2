package uz.inson.assess.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

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
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    /**
     * The hash this instance last chained: where it expects the chain's head to be. Only a guess; the database checks it.
     * Read and set only in {@link #chainedOnto}.
     */
    private String expectedHead = GENESIS;
    /**
     * The groups this instance sent last, by the hash their last entry leaves at the head: a group that follows one still
     * under way waits for it instead of chaining elsewhere. A few suffice; two turns send at most two at once.
     */
    private final Map<String, GroupSent> groupsSent = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GroupSent> eldest) {
            return size() > 16;
        }
    });
    private final Counter sentAgain;
    private final Counter rechained;
    private final Counter fellBack;

    AuditTrail(EntityManager em, AgroalDataSource dataSource, MeterRegistry registry) {
        this.em = em;
        this.dataSource = dataSource;
        String moved = "inson.audit.group.head.moved";
        String description = "Group commits that found the audit chain's head elsewhere than expected, by how they were committed then";
        this.sentAgain = Counter.builder(moved).description(description).tag("then", "sent-again").register(registry);
        this.rechained = Counter.builder(moved).description(description).tag("then", "rechained").register(registry);
        this.fellBack = Counter.builder(moved).description(description).tag("then", "transaction").register(registry);
    }

    private record GroupSent(String previous, CompletableFuture<Boolean> wentIn) {
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

    /**
     * Inserts {@code rows} and chains {@code events} after them, in order ({@link GroupCommit}), outside any JTA
     * transaction: as one statement, which PostgreSQL commits, its WAL flushed, before it answers — one round trip
     * instead of a transaction's statements and its COMMIT — expecting the chain's head where this instance left it. If
     * the head was elsewhere, the statement inserts nothing (its rows are inserted only if the entries went in) and is sent
     * again: as it was, once the groups of this instance it follows are in, if they were still on their way to the chain's
     * lock (the two turns race for it, and the one sent second can win); otherwise chained onto the head the database
     * named (another instance wrote, or the group expected at the head was rolled back); and if that head moved too, in a
     * transaction that chains them under the lock.
     */
    void commit(List<GroupCommit.Row> rows, List<Event> events) {
        if (rows.isEmpty() && events.isEmpty()) {
            return;
        }
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("A group commit is a transaction of its own; it cannot join the caller's");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (events.isEmpty()) {
                insert(connection, rows, List.of());
                return;
            }
            String head = inOneStatement(connection, rows, null, events, false);
            if (head != null && inOneStatement(connection, rows, head, events, true) != null) {
                inATransaction(connection, rows, events);
                fellBack.increment();
            }
        } catch (SQLException e) {
            throw new PersistenceException("The rows and audit entries could not be committed", e);
        }
    }

    /**
     * The events chained onto {@code onto} (the head this instance expects if null) and sent with the rows; sent again if
     * the groups they follow were still on their way to the lock, once those are in. Returns null once committed, or the
     * head the entries did not follow.
     */
    private String inOneStatement(Connection connection, List<GroupCommit.Row> rows, String onto, List<Event> events, boolean rechaining)
            throws SQLException {
        CompletableFuture<Boolean> wentIn = new CompletableFuture<>();
        List<AuditEntry> entries = chainedOnto(onto, events, wentIn);
        boolean in = false;
        try {
            String head = sent(connection, rows, entries);
            boolean again = head != null && followsGroupsUnderWayFrom(entries.get(0).prevHash, head);
            if (again) {
                head = sent(connection, rows, entries);
            }
            in = head == null;
            if (in && rechaining) {
                rechained.increment();
            } else if (in && again) {
                sentAgain.increment();
            }
            return head;
        } finally {
            wentIn.complete(in);
        }
    }

    /**
     * Whether {@code previous} ends groups of this instance chained onto {@code head}, the head their follower found, so
     * that they had not reached the chain's lock when it did; waits until they are in, and answers whether all went in.
     */
    private boolean followsGroupsUnderWayFrom(String previous, String head) {
        List<GroupSent> before = new ArrayList<>();
        for (GroupSent group = groupsSent.get(previous); group != null; group = groupsSent.get(group.previous())) {
            before.add(group);
            if (group.previous().equals(head)) {
                return before.stream().allMatch(g -> g.wentIn().join());
            }
        }
        return false;
    }

    /** Returns null once committed, or the head the entries did not follow; then nothing was inserted. */
    static String sent(Connection connection, List<GroupCommit.Row> rows, List<AuditEntry> entries) throws SQLException {
        return rows.isEmpty() ? appendIfHeadIs(connection, entries) : insert(connection, rows, entries);
    }

    /**
     * The rows in one INSERT per table, each only if the entries went in: audit_append appends them if the first follows
     * the head and otherwise returns the head and appends nothing (V10__audit_append.sql), and the INSERTs read its
     * answer. A statement made to fail instead would roll the rows back too, but PostgreSQL logs every failed statement
     * as an ERROR: thousands an hour under load, where the two turns race for the chain's lock. Returns what audit_append
     * returned (null without entries).
     */
    private static String insert(Connection connection, List<GroupCommit.Row> rows, List<AuditEntry> entries) throws SQLException {
        Map<String, List<GroupCommit.Row>> byTable = new LinkedHashMap<>();
        rows.forEach(row -> byTable.computeIfAbsent(row.into(), into -> new ArrayList<>()).add(row));
        boolean appending = !entries.isEmpty();
        StringBuilder sql = new StringBuilder(appending ? "with appended as materialized (select audit_append(?, ?, cast(? as jsonb)) as head), " : "with ");
        int tables = 0;
        for (Map.Entry<String, List<GroupCommit.Row>> table : byTable.entrySet()) {
            sql.append(tables == 0 ? "" : ", ").append("inserted").append(tables++).append(" as (insert into ").append(table.getKey())
                    .append(" select * from (values ");
            for (int i = 0; i < table.getValue().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(table.getValue().get(i).values());
            }
            sql.append(") v").append(appending ? " where (select head from appended) is null)" : ")");
        }
        sql.append(appending ? " select head from appended" : " select null");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (appending) {
                statement.setLong(index++, CHAIN_LOCK);
                statement.setString(index++, entries.get(0).prevHash);
                statement.setString(index++, asJson(entries));
            }
            for (List<GroupCommit.Row> table : byTable.values()) {
                for (GroupCommit.Row row : table) {
                    index = row.bind(statement, index);
                }
            }
            try (ResultSet head = statement.executeQuery()) {
                head.next();
                return head.getString(1);
            }
        }
    }

    private void inATransaction(Connection connection, List<GroupCommit.Row> rows, List<Event> events) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (!rows.isEmpty()) {
                insert(connection, rows, List.of());
            }
            if (!events.isEmpty()) {
                appendUnderLock(connection, events);
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException alsoFailed) { // a connection cut off, which the pool discards: what cut it off is the failure
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private void append(List<Event> events) {
        // What the transaction changed is written first, so the chain's lock covers only the chain and the commit
        em.flush();
        if (!events.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> appendUnderLock(connection, events));
        }
    }

    /**
     * Onto the head as this instance knows it; if another instance wrote, or a group expected at the head was rolled
     * back, onto the real head, which cannot move again while this transaction holds the lock.
     */
    private void appendUnderLock(Connection connection, List<Event> events) throws SQLException {
        String head = appendIfHeadIs(connection, chainedOnto(null, events, null));
        if (head != null && appendIfHeadIs(connection, chainedOnto(head, events, null)) != null) {
            throw new IllegalStateException("The audit chain's head moved while its lock was held");
        }
    }

    /**
     * The entries chained onto {@code previous}, or onto the head this instance expects if null. Whoever chains next in
     * this instance expects them at the head: one at a time, so two groups under way at once never follow the same entry,
     * the second follows the first, and both append at the first try unless the first fails, when the next learns the real
     * head. A group commit's {@code wentIn}, registered here before anyone can follow it, tells later whether they went in.
     */
    private synchronized List<AuditEntry> chainedOnto(String previous, List<Event> events, CompletableFuture<Boolean> wentIn) {
        List<AuditEntry> entries = chain(events, previous != null ? previous : expectedHead);
        if (wentIn != null) {
            groupsSent.put(entries.get(entries.size() - 1).hash, new GroupSent(entries.get(0).prevHash, wentIn));
        }
        expectedHead = entries.get(entries.size() - 1).hash;
        return entries;
    }

    /** Appends the entries if the first follows the chain's head and returns null; otherwise returns the head (V10__audit_append.sql). */
    private static String appendIfHeadIs(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement("select audit_append(?, ?, cast(? as jsonb))")) {
            append.setLong(1, CHAIN_LOCK);
            append.setString(2, entries.get(0).prevHash);
            append.setString(3, asJson(entries));
            try (ResultSet head = append.executeQuery()) {
                head.next();
                return head.getString(1);
            }
        }
    }

    /** The entries chained one after the other, the first onto {@code previous}. */
    static List<AuditEntry> chain(List<Event> events, String previous) {
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (Event event : events) {
            AuditEntry entry = entry(event, previous);
            entries.add(entry);
            previous = entry.hash;
        }
        return entries;
    }

    /** The entries as audit_append reads them (V10__audit_append.sql). */
    private static String asJson(List<AuditEntry> entries) {
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
