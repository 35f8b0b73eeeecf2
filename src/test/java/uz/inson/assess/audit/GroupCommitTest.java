package uz.inson.assess.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commits that arrive while others are under way are committed together, and a bad one fails alone. */
@QuarkusTest
class GroupCommitTest {
    @Inject
    GroupCommit commits;
    @Inject
    AuditTrail trail;
    @Inject
    EntityManager entityManager;

    @Test
    void whatWaitsWhileBothTurnsAreBusyIsCommittedInOneTransaction() throws Exception {
        String actor = "group-" + UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch release = new CountDownLatch(1);
            List<Future<?>> blockers = takeBothTurns(callers, actor, release);
            List<Future<?>> grouped = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                grouped.add(callers.submit(() -> commits.record(event(actor, "grouped-" + n))));
            }
            awaitWaiting(10);
            release.countDown();
            for (Future<?> f : blockers) {
                f.get(30, TimeUnit.SECONDS);
            }
            for (Future<?> f : grouped) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        List<?> transactions = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select distinct xmin::text from audit_entry where actor = ?1 and object_id like 'grouped-%'").setParameter(1, actor).getResultList());
        assertEquals(1, transactions.size(), "the ten entries waiting together share one transaction");
        assertEquals(12L, count(actor));
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).intact());
    }

    @Test
    void aChangeThatFailsFailsOnlyItsOwnCommit() throws Exception {
        String actor = "group-" + UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> answers = new ArrayList<>();
        try {
            CountDownLatch release = new CountDownLatch(1);
            takeBothTurns(callers, actor, release);
            for (int i = 0; i < 5; i++) {
                int n = i;
                Runnable change = n == 3 ? () -> {
                    throw new IllegalStateException("change " + n + " is refused");
                } : () -> {
                };
                answers.add(callers.submit(() -> commits.commit(change, event(actor, "change-" + n))));
            }
            awaitWaiting(5);
            release.countDown();
            for (int i = 0; i < 5; i++) {
                if (i == 3) {
                    Exception failed = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, answers.get(i)::get);
                    assertInstanceOf(IllegalStateException.class, failed.getCause());
                } else {
                    answers.get(i).get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            callers.shutdownNow();
        }
        List<?> objects = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select object_id from audit_entry where actor = ?1 and object_id like 'change-%' order by object_id").setParameter(1, actor).getResultList());
        assertEquals(List.of("change-0", "change-1", "change-2", "change-4"), objects);
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).intact());
    }

    private static AuditTrail.Event event(String actor, String object) {
        return new AuditTrail.Event(OffsetDateTime.now(), actor, "auditor", "TEST group commit", object, 200, "127.0.0.1");
    }

    private long count(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createQuery("select count(*) from AuditEntry where actor = ?1")
                .setParameter(1, actor).getSingleResult());
    }

    private void awaitWaiting(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commits.waiting() != expected) {
            assertTrue(System.nanoTime() < deadline, "commits waiting: " + commits.waiting() + ", expected " + expected);
            Thread.sleep(10);
        }
    }

    /** Two commits whose changes keep their turns until released; the second starts once the first holds its turn. */
    private List<Future<?>> takeBothTurns(ExecutorService callers, String actor, CountDownLatch release) throws InterruptedException {
        List<Future<?>> blockers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CountDownLatch entered = new CountDownLatch(1);
            blockers.add(callers.submit(() -> commits.commit(() -> {
                entered.countDown();
                await(release);
            }, event(actor, "blocker"))));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
        }
        return blockers;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
