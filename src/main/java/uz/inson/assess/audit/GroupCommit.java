package uz.inson.assess.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.database.DatabaseOutage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Group commit for the busiest writes: a stored assessment with its audit entry, and the entry of a request that
 * changed nothing (a dry run, a refusal). Requests arriving while commits are under way wait together; the next one to
 * get a turn commits all that wait in one statement ({@link AuditTrail#commit}) — one chain lock, one read of the chain's
 * head, one WAL flush, the assessments in one multi-row INSERT — instead of one transaction each. Every caller returns
 * only once its own change and entry are committed, so nothing is acknowledged before it is durable. A group that fails
 * for any reason but an unreachable database is committed again one by one, so a bad change fails only its own request.
 */
@ApplicationScoped
public class GroupCommit {
    /** Enough to empty the queue of a busy instance in one transaction, small enough to keep the chain lock short. */
    private static final int MAX_GROUP = 64;

    /** A row a group inserts in the statement that appends its entries; rows with the same {@link #into()} share one INSERT. */
    public interface Row {
        /** The table and its columns, e.g. {@code assessment (id, request)}. */
        String into();

        /**
         * The row's placeholders in the order of the columns, e.g. {@code (?::uuid, ?::jsonb)}: each cast to its column's type
         * unless text will do, as the rows are a {@code VALUES} list selected from, whose columns take no type from the table.
         */
        String values();

        /** Binds the row's values from parameter {@code index} on; returns the index after them. */
        int bind(PreparedStatement statement, int index) throws SQLException;
    }

    private record Pending(Row change, AuditTrail.Event event, CompletableFuture<Void> done) {
    }

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /**
     * Whoever holds a turn commits for everyone waiting; the others find their own entry committed when their turn
     * comes. Two turns, so one group's inserts overlap the other's chain lock and commit (measured: 1, 2 and 8 turns
     * within noise of each other on 2 cores, 2 the best; docs/performance-history.md).
     */
    private final Semaphore turns = new Semaphore(2);
    private final AuditTrail trail;
    private final AuditContext context;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;
    private final DistributionSummary groupSizes;

    GroupCommit(AuditTrail trail, AuditContext context, CurrentIdentityAssociation identities, Clock clock, MeterRegistry registry) {
        this.trail = trail;
        this.context = context;
        this.identities = identities;
        this.clock = clock;
        this.groupSizes = DistributionSummary.builder("inson.audit.group.size")
                .description("Commits written together in one transaction by the group commit").register(registry);
    }

    /**
     * Commits {@code change} (a row inserted with the group's entries) with the audit entry of the request in hand, recorded
     * as {@code status} on {@code createdId} when the path names no object. Outside an HTTP request nothing is audited,
     * as for {@link AuditedChange}.
     */
    public void commitAudited(Row change, int status, String createdId) {
        AuditTrail.Event event = AuditContext.changeEntry(context, identities, clock, status, createdId);
        commit(change, event);
        if (event != null) {
            context.recorded();
        }
    }

    /** Chains an entry for what changed nothing, with whatever else waits. */
    void record(AuditTrail.Event event) {
        commit(null, event);
    }

    /** Inserts {@code change} and chains {@code event} (either may be null) in a group; returns once both are committed. */
    void commit(Row change, AuditTrail.Event event) {
        Pending mine = new Pending(change, event, new CompletableFuture<>());
        waiting.add(mine);
        turns.acquireUninterruptibly();
        try {
            while (!mine.done().isDone()) {
                List<Pending> group = new ArrayList<>();
                for (Pending next; group.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
                    group.add(next);
                }
                if (group.isEmpty()) {
                    break; // the other turn took ours and is committing it
                }
                commitGroup(group);
            }
        } finally {
            turns.release();
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** How many commits wait for a turn. */
    int waiting() {
        return waiting.size();
    }

    private void commitGroup(List<Pending> group) {
        try {
            trail.commit(group.stream().map(Pending::change).filter(c -> c != null).toList(),
                    group.stream().map(Pending::event).filter(e -> e != null).toList());
            group.forEach(p -> p.done().complete(null));
            groupSizes.record(group.size());
        } catch (RuntimeException | Error e) { // every waiter must hear of its commit, whatever happened
            if (group.size() == 1 || DatabaseOutage.of(e).isPresent()) {
                group.forEach(p -> p.done().completeExceptionally(e));
            } else {
                group.forEach(p -> commitGroup(List.of(p)));
            }
        }
    }
}
