package uz.inson.assess.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.support.Latches.await;

/**
 * A writer appends to the chain in one statement (audit_append): its entries come chained onto the head its instance
 * expects, and go in only if that is the head once the chain's lock is granted. A writer that waited for the lock chains
 * onto the entry its holder committed meanwhile; one that expected a head another instance or a rolled-back transaction
 * moved chains onto the real head. Entries that come with no change go in as one statement outside any transaction, and
 * the same holds for them.
 */
@QuarkusTest
class AuditChainHeadTest {
    @Inject
    AuditTrail trail;
    @Inject
    EntityManager entityManager;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriterThatWaitedForTheLockChainsOntoTheEntryCommittedMeanwhile() throws Exception {
        aWriterWaitsForTheLock(second -> QuarkusTransaction.requiringNew().run(() -> trail.recordWithin(second)));
    }

    @Test
    void entriesAloneWaitForTheLockAndFollowTheEntryCommittedMeanwhile() throws Exception {
        aWriterWaitsForTheLock(second -> trail.commit(List.of(), List.of(second)));
    }

    @Test
    void entriesAloneAreCommittedInOrderByTheTimeTheCallReturns() {
        String first = "chain-alone-first-" + UUID.randomUUID();
        String second = "chain-alone-second-" + UUID.randomUUID();
        trail.commit(List.of(), List.of(event(first), event(second)));

        AuditEntry firstEntry = entry(first);
        AuditEntry secondEntry = entry(second);
        assertEquals(firstEntry.id + 1, secondEntry.id);
        assertEquals(firstEntry.hash, secondEntry.prevHash);
        assertTrue(trail.verify().intact());
    }

    @Test
    void entriesAloneThatExpectedAHeadAnotherInstanceMovedFollowTheRealHead() {
        String here = "chain-alone-here-" + UUID.randomUUID();
        String elsewhere = "chain-alone-elsewhere-" + UUID.randomUUID();
        trail.commit(List.of(), List.of(event(here)));
        AuditTrail otherInstance = new AuditTrail(entityManager, dataSource, new SimpleMeterRegistry());
        otherInstance.commit(List.of(), List.of(event(elsewhere)));
        String next = "chain-alone-next-" + UUID.randomUUID();
        trail.commit(List.of(), List.of(event(next)));

        assertFollows(entry(next), entry(elsewhere));
        assertTrue(trail.verify().intact());
    }

    /** The first writer holds the chain's lock in a transaction until the second, written by {@code secondWriter}, waits for it. */
    private void aWriterWaitsForTheLock(Consumer<AuditTrail.Event> secondWriter) throws Exception {
        String first = "chain-head-first-" + UUID.randomUUID();
        String second = "chain-head-second-" + UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);

        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.recordWithin(event(first));
            holding.countDown();
            await(secondWaits);
        }));
        assertTrue(holding.await(30, TimeUnit.SECONDS), "the first writer holds the chain's lock");
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> secondWriter.accept(event(second)));
        waitUntilAWriterWaitsForTheLock();
        secondWaits.countDown();
        holder.get(30, TimeUnit.SECONDS);
        waiter.get(30, TimeUnit.SECONDS);

        AuditEntry firstEntry = entry(first);
        AuditEntry secondEntry = entry(second);
        assertTrue(secondEntry.id > firstEntry.id);
        assertEquals(firstEntry.hash, secondEntry.prevHash, "the second entry follows the one committed while it waited");
    }

    @Test
    void anEntryAnotherInstanceWroteIsFollowedByTheNextOneWrittenHere() {
        String here = "chain-head-here-" + UUID.randomUUID();
        String elsewhere = "chain-head-elsewhere-" + UUID.randomUUID();
        trail.record(event(here));
        // another instance: its own trail, which has chained nothing yet
        AuditTrail otherInstance = new AuditTrail(entityManager, dataSource, new SimpleMeterRegistry());
        QuarkusTransaction.requiringNew().run(() -> otherInstance.recordWithin(event(elsewhere)));
        String next = "chain-head-next-" + UUID.randomUUID();
        trail.record(event(next));

        assertFollows(entry(next), entry(elsewhere));
        assertTrue(trail.verify().intact());
    }

    @Test
    void anEntryRolledBackIsNotWhatTheNextOneFollows() {
        String committed = "chain-head-committed-" + UUID.randomUUID();
        String rolledBack = "chain-head-rolled-back-" + UUID.randomUUID();
        trail.record(event(committed));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            trail.recordWithin(event(rolledBack));
            throw new IllegalStateException("the change fails after its entry was chained");
        }));
        String next = "chain-head-after-rollback-" + UUID.randomUUID();
        trail.record(event(next));

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("select count(*) from AuditEntry where actor = :actor", Long.class)
                .setParameter("actor", rolledBack).getSingleResult()));
        assertFollows(entry(next), entry(committed));
        assertTrue(trail.verify().intact());
    }

    /** {@code later} follows {@code earlier}, or an entry between them that another test's request wrote meanwhile. */
    private void assertFollows(AuditEntry later, AuditEntry earlier) {
        assertTrue(later.id > earlier.id);
        AuditEntry before = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "from AuditEntry where id < :id order by id desc", AuditEntry.class).setParameter("id", later.id).setMaxResults(1).getSingleResult());
        assertEquals(before.hash, later.prevHash, "an entry follows the one before it");
        if (before.id.equals(earlier.id)) {
            assertEquals(earlier.hash, later.prevHash);
        }
    }

    private static AuditTrail.Event event(String actor) {
        return new AuditTrail.Event(OffsetDateTime.now(), actor, "auditor", "TEST chain head", null, 200, null);
    }

    private void waitUntilAWriterWaitsForTheLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // a bigint advisory key shows as its high and low halves
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted and classid = ?1 and objid = ?2 and objsubid = 1")
                .setParameter(1, AuditTrail.CHAIN_LOCK >>> 32).setParameter(2, AuditTrail.CHAIN_LOCK & 0xFFFFFFFFL)
                .getSingleResult()).intValue()) == 0) {
            assertTrue(System.nanoTime() < deadline, "the second writer never waited for the chain's lock");
            Thread.sleep(20);
        }
    }

    private AuditEntry entry(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("from AuditEntry where actor = :actor", AuditEntry.class)
                .setParameter("actor", actor).getSingleResult());
    }
}
