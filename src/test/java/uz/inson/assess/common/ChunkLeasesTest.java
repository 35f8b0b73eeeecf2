package uz.inson.assess.common;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.support.Latches.await;

/** A job whose last two chunks are written at the same moment, on two threads (or two instances), is closed once. */
@QuarkusTest
class ChunkLeasesTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    EntityManager em;

    private final ChunkLeases leases = new ChunkLeases(ChunkLeasesTest.class, "impact_job", "impact_chunk", "started_at", "households",
            List.of("finished_at"), Duration.ofMinutes(5), Clock.systemUTC(), new SimpleMeterRegistry(), "test.waiting", "test");

    @Test
    void theLastOfTwoChunksWrittenTogetherClosesTheJob() throws Exception {
        UUID job = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into impact_job (id, rule_set_id, against_id, total, status, started_at) values (?1, ?2, ?2, 2, 'RUNNING', ?3)")
                    .setParameter(1, job).setParameter(2, UUID.randomUUID()).setParameter(3, AT).executeUpdate();
            for (int chunk = 0; chunk < 2; chunk++) {
                // leased for an hour to an instance that is not this one: no scheduler here claims them
                em.createNativeQuery("insert into impact_chunk (job_id, chunk, households, population, status, owner, lease_until) "
                                + "values (?1, ?2, 1, '{}', 'RUNNING', 'elsewhere', ?3)")
                        .setParameter(1, job).setParameter(2, chunk).setParameter(3, OffsetDateTime.now().plusHours(1)).executeUpdate();
            }
        });
        try {
            writeBothChunksTogether(job);
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                    .createNativeQuery("select status, finished_at is not null from impact_job where id = ?1").setParameter(1, job).getSingleResult());
            assertEquals("DONE", row[0], "the job's last chunk is written, so the job is done");
            assertEquals(true, row[1]);
        } finally {
            // a job left RUNNING would count against the limit of running analyses in the tests after this one
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from impact_job where id = ?1").setParameter(1, job).executeUpdate());
        }
    }

    /** Writes chunk 0 and, while its transaction is still open, chunk 1; then lets the first commit. */
    private void writeBothChunksTogether(UUID job) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstChecked = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            Future<?> first = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                write(job, 0);
                firstChecked.countDown();
                await(commitFirst);
            }));
            assertTrue(firstChecked.await(30, TimeUnit.SECONDS));
            Future<?> second = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> write(job, 1)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (!second.isDone() && !waitingForALock() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            commitFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
    }

    private void write(UUID job, int chunk) {
        em.createNativeQuery("update impact_chunk set status = 'DONE' where job_id = ?1 and chunk = ?2")
                .setParameter(1, job).setParameter(2, chunk).executeUpdate();
        leases.closeIfLast(job, AT);
    }

    private boolean waitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()").getSingleResult()).intValue() > 0);
    }
}
