package uz.inson.assess.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The chunks of one kind of job — a job table and its chunk table in PostgreSQL — that every instance claims under a
 * lease: the next chunk of the oldest running job that is pending, or whose lease ran out because its instance died.
 * {@code FOR UPDATE SKIP LOCKED} keeps instances from waiting for each other. A claimed chunk is the owner's to write
 * until its lease ends ({@code owner = Instance.ID}); its job decides what writing means. A job may first be RECEIVING
 * its items, stored chunk by chunk as they arrive ({@link #receive}); its chunks are claimed once it is RUNNING.
 */
public final class ChunkLeases {
    /** A job whose items stopped arriving this long ago is taken for one its instance died receiving. */
    public static final Duration ABANDONED = Duration.ofMinutes(10);

    private final Logger log;
    /** Table and column names: constants of the job kind, never input. */
    private final String jobs;
    private final String chunks;
    private final String startedAt;
    private final String size;
    private final List<String> finishedColumns;
    private final Duration lease;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private volatile String lastProblem;

    /**
     * {@code size} is the chunk column counting its items; their sum over running jobs is the gauge {@code waitingGauge}:
     * what the whole cluster has left, as this instance last looked (before each claim). {@code finishedColumns} are the
     * job's times set when its last chunk is written.
     */
    public ChunkLeases(Class<?> owner, String jobs, String chunks, String startedAt, String size, List<String> finishedColumns, Duration lease,
                       Clock clock, MeterRegistry registry, String waitingGauge, String description) {
        this.log = Logger.getLogger(owner);
        this.jobs = jobs;
        this.chunks = chunks;
        this.startedAt = startedAt;
        this.size = size;
        this.finishedColumns = List.copyOf(finishedColumns);
        this.lease = lease;
        this.clock = clock;
        Gauge.builder(waitingGauge, waiting, AtomicLong::get).description(description).register(registry);
    }

    /**
     * Claims chunks and hands each to {@code work} until none is left or the instance stops. With the database away
     * nothing is claimed, and that is logged once, not at every poll; the chunks wait.
     */
    public void drain(BooleanSupplier stopping, Consumer<Object[]> work, String returning) {
        try {
            Optional<Object[]> claimed;
            while (!stopping.getAsBoolean() && (claimed = claim(returning)).isPresent()) {
                work.accept(claimed.get());
            }
            lastProblem = null;
        } catch (RuntimeException e) {
            if (!stopping.getAsBoolean() && !String.valueOf(e.getMessage()).equals(lastProblem)) {
                log.warnf("Chunks of %s cannot be claimed now: %s", jobs, e.getMessage());
            }
            lastProblem = String.valueOf(e.getMessage());
        }
    }

    /**
     * In the transaction that wrote a chunk, after writing it: marks the job DONE, setting {@code finishedColumns} to
     * {@code at}, when no chunk of it is left. The job's row is locked first, so chunks of one job that finish together
     * close it one after the other: under READ COMMITTED each would otherwise see the other still running and neither
     * would close the job; the one that takes the lock second sees the first committed.
     */
    public void closeIfLast(UUID jobId, OffsetDateTime at) {
        em().createNativeQuery("select id from " + jobs + " where id = ?1 for update").setParameter(1, jobId).getResultList();
        String times = finishedColumns.stream().map(column -> column + " = ?2").collect(Collectors.joining(", "));
        em().createNativeQuery("update " + jobs + " set status = 'DONE', " + times + " where id = ?1 and status = 'RUNNING' "
                        + "and not exists (select 1 from " + chunks + " where job_id = ?1 and status <> 'DONE')")
                .setParameter(1, jobId).setParameter(2, at).executeUpdate();
    }

    /** What stores a RECEIVING job's chunks as its items arrive, each through {@link #stillReceiving}; returns how many items came. */
    @FunctionalInterface
    public interface Chunks {
        int store() throws IOException;
    }

    /**
     * Receives a job created RECEIVING: {@code chunks} stores its chunks, then the job is opened to every instance with
     * its count of items (a job cancelled meanwhile stays cancelled, with that count). If storing fails — a bad line, a
     * broken upload — the job is removed with what it stored, and the failure thrown.
     */
    public void receive(UUID jobId, Chunks chunks) throws IOException {
        try {
            int total = chunks.store();
            QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("update " + jobs
                            + " set total = ?2, updated_at = ?3, status = case when status = 'RECEIVING' then 'RUNNING' else status end where id = ?1")
                    .setParameter(1, jobId).setParameter(2, total).setParameter(3, OffsetDateTime.now(clock)).executeUpdate());
        } catch (IOException | RuntimeException e) {
            try {
                QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("delete from " + jobs + " where id = ?1").setParameter(1, jobId).executeUpdate());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // removeAbandoned takes it once it has been quiet for ABANDONED
            }
            throw e;
        }
    }

    /**
     * In the transaction that stores a chunk of a RECEIVING job, before storing it: marks the job as still arriving
     * (the job's row is locked, so a cancellation waits or comes first); false once the job was cancelled — store nothing.
     */
    public boolean stillReceiving(UUID jobId) {
        return em().createNativeQuery("update " + jobs + " set updated_at = ?2 where id = ?1 and status = 'RECEIVING'")
                .setParameter(1, jobId).setParameter(2, OffsetDateTime.now(clock)).executeUpdate() == 1;
    }

    /** In a sweep's transaction: removes jobs whose upload stopped arriving {@link #ABANDONED} ago (their instance died reading it). */
    public void removeAbandoned() {
        em().createNativeQuery("delete from " + jobs + " where status = 'RECEIVING' and updated_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(ABANDONED)).executeUpdate();
    }

    /** Counts what the running jobs have left, then claims the next chunk: its row as {@code returning} lists it (c = chunk, j = job). */
    private Optional<Object[]> claim(String returning) {
        waiting.set(QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(
                "select coalesce(sum(c." + size + "), 0) from " + chunks + " c join " + jobs + " j on j.id = c.job_id "
                        + "where j.status = 'RUNNING' and c.status <> 'DONE'").getSingleResult()).longValue()));
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<?> rows = em().createNativeQuery("update " + chunks + " c set status = 'RUNNING', owner = ?1, lease_until = ?2, attempts = attempts + 1 "
                            + "from " + jobs + " j where j.id = c.job_id and (c.job_id, c.chunk) = ("
                            + "select x.job_id, x.chunk from " + chunks + " x join " + jobs + " y on y.id = x.job_id "
                            + "where y.status = 'RUNNING' and (x.status = 'PENDING' or x.status = 'RUNNING' and x.lease_until < ?3) "
                            + "order by y." + startedAt + ", x.chunk limit 1 for update of x skip locked) "
                            + "returning " + returning)
                    .setParameter(1, Instance.ID).setParameter(2, now.plus(lease)).setParameter(3, now).getResultList();
            return rows.stream().findFirst().map(row -> row instanceof Object[] columns ? columns : new Object[] {row});
        });
    }

    /** A {@code timestamptz} column of a job's row as a native query returns it (the driver's type varies). */
    public static Instant instant(Object column) {
        return column instanceof OffsetDateTime at ? at.toInstant() : (Instant) column;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
