package uz.inson.assess.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.support.Latches.await;

/**
 * A writer of the chain takes its lock and reads its head in one statement (audit_chain_head). The head must be read
 * after the lock is granted, so a writer that waited for the lock chains onto the entry its holder committed meanwhile.
 */
@QuarkusTest
class AuditChainHeadTest {
    @Inject
    AuditTrail trail;
    @Inject
    EntityManager entityManager;

    @Test
    void aWriterThatWaitedForTheLockChainsOntoTheEntryCommittedMeanwhile() throws Exception {
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
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> trail.recordWithin(event(second))));
        waitUntilAWriterWaitsForTheLock();
        secondWaits.countDown();
        holder.get(30, TimeUnit.SECONDS);
        waiter.get(30, TimeUnit.SECONDS);

        AuditEntry firstEntry = entry(first);
        AuditEntry secondEntry = entry(second);
        assertTrue(secondEntry.id > firstEntry.id);
        assertEquals(firstEntry.hash, secondEntry.prevHash, "the second entry follows the one committed while it waited");
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
