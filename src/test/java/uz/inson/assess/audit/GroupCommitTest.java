package uz.inson.assess.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Arc;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry meters;

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
            // the row of change 3 has the key of a row already there
            commits.commit(new Probe(actor + "-3"), null);
            takeBothTurns(callers, actor, release);
            for (int i = 0; i < 5; i++) {
                int n = i;
                answers.add(callers.submit(() -> commits.commit(new Probe(actor + "-" + n), event(actor, "change-" + n))));
            }
            awaitWaiting(5);
            release.countDown();
            for (int i = 0; i < 5; i++) {
                if (i == 3) {
                    Exception failed = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, answers.get(i)::get);
                    assertInstanceOf(PersistenceException.class, failed.getCause());
                    assertEquals("23505", assertInstanceOf(SQLException.class, failed.getCause().getCause()).getSQLState(),
                            "the row with the key already there");
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
        assertEquals(List.of(actor + "-0", actor + "-1", actor + "-2", actor + "-3", actor + "-4"), probes(actor),
                "the rows of the changes that succeeded, and the one that was there before");
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).intact());
    }

    @Test
    void aRowWhoseEntryExpectedAHeadAnotherInstanceMovedGoesInWithItsEntryOntoTheRealHead() {
        String actor = "group-" + UUID.randomUUID();
        commits.record(event(actor, "here"));
        // another instance: its own trail, which has chained nothing yet
        new AuditTrail(entityManager, dataSource, new SimpleMeterRegistry()).commit(List.of(), List.of(event(actor, "elsewhere")));
        double rechained = headMoved("rechained");
        double fellBack = headMoved("transaction");
        commits.commit(new Probe(actor + "-after"), event(actor, "after"));

        assertEquals(List.of(actor + "-after"), probes(actor));
        assertEquals(List.of("here", "elsewhere", "after"), entries(actor));
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).intact());
        assertEquals(rechained + 1, headMoved("rechained"), "chained onto the head the failed statement named");
        assertEquals(fellBack, headMoved("transaction"));
    }

    @Test
    void aGroupSentBeforeTheOneChainedOntoItButHeldUpOnItsWayToTheChainsLockIsWaitedFor() throws Exception {
        String actor = "group-" + UUID.randomUUID();
        double sentAgain = headMoved("sent-again");
        double rechained = headMoved("rechained");
        double fellBack = headMoved("transaction");
        CompletableFuture<Void> first;
        Thread second;
        try (Connection holder = dataSource.getConnection()) {
            // the first group's INSERT waits for this lock before its statement reaches the chain's
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table group_commit_probe in share mode");
            first = CompletableFuture.runAsync(() -> trail.commit(List.of(new Probe(actor + "-first")), List.of(event(actor, "first"))));
            awaitAnInsertWaitingForTheProbeTable();
            // chained onto the first group's entry, which is not in the chain yet: its statement finds another head
            second = new Thread(() -> trail.commit(List.of(), List.of(event(actor, "second"))));
            second.start();
            awaitParked(second);
            holder.rollback();
            holder.setAutoCommit(true);
        }
        first.get(30, TimeUnit.SECONDS);
        second.join(TimeUnit.SECONDS.toMillis(30));

        assertEquals(List.of(actor + "-first"), probes(actor));
        assertEquals(List.of("first", "second"), entries(actor), "the second went in after the first, as it was chained");
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).intact());
        assertEquals(sentAgain + 1, headMoved("sent-again"), "the second, sent again as it was once the first was in");
        assertEquals(rechained, headMoved("rechained"));
        assertEquals(fellBack, headMoved("transaction"));
    }

    /**
     * A group with rows whose entries do not follow the head inserts nothing and names the head without failing its
     * statement: PostgreSQL logs every failed statement as an ERROR, and under load this happens thousands of times an
     * hour. Sent in a transaction, which a failed statement would abort.
     */
    @Test
    void aGroupWithRowsThatFindsTheHeadElsewhereInsertsNothingAndFailsNoStatement() throws Exception {
        String actor = "group-" + UUID.randomUUID();
        commits.record(event(actor, "before"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String found = AuditTrail.sent(connection, List.of(new Probe(actor + "-lost")),
                    AuditTrail.chain(List.of(event(actor, "lost")), AuditTrail.GENESIS));
            // the chain's lock is this transaction's now, so the head cannot move before it is read
            try (Statement after = connection.createStatement();
                 ResultSet head = after.executeQuery("select hash from audit_entry order by id desc limit 1")) {
                assertTrue(head.next());
                assertEquals(head.getString(1), found, "the head the entries did not follow");
            }
            try (PreparedStatement probes = connection.prepareStatement("select count(*) from group_commit_probe where key = ?")) {
                probes.setString(1, actor + "-lost");
                try (ResultSet count = probes.executeQuery()) {
                    assertTrue(count.next());
                    assertEquals(0, count.getInt(1), "the row went in only with its entry");
                }
            }
            connection.rollback();
        }
        assertEquals(List.of("before"), entries(actor));
    }

    /** Waits until {@code thread} waits (for the group it follows: nothing else it does parks it). */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(thread.isAlive() && System.nanoTime() < deadline, "the second group never waited for the first");
            Thread.sleep(20);
        }
    }

    private List<?> entries(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select object_id from audit_entry where actor = ?1 order by id").setParameter(1, actor).getResultList());
    }

    private double headMoved(String then) {
        return meters.counter("inson.audit.group.head.moved", "then", then).count();
    }

    private void awaitAnInsertWaitingForTheProbeTable() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where locktype = 'relation' and relation = 'group_commit_probe'::regclass and not granted")
                .getSingleResult()).intValue()) == 0) {
            assertTrue(System.nanoTime() < deadline, "the first group never waited for the probe table");
            Thread.sleep(20);
        }
    }

    /** A row of a table of the test's own, whose key is unique. */
    private static class Probe implements GroupCommit.Row {
        private final String key;

        Probe(String key) {
            this.key = key;
        }

        @Override
        public String into() {
            return "group_commit_probe (key)";
        }

        @Override
        public String values() {
            return "(?)";
        }

        @Override
        public int bind(PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, key);
            return index + 1;
        }
    }

    @BeforeAll
    static void probeTable() {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("create table if not exists group_commit_probe (key varchar(200) primary key)").executeUpdate());
    }

    private List<?> probes(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select key from group_commit_probe where key like ?1 and key not like '%-blocker-%' order by key").setParameter(1, actor + "-%").getResultList());
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
            blockers.add(callers.submit(() -> commits.commit(new Probe(actor + "-blocker-" + UUID.randomUUID()) {
                @Override
                public int bind(PreparedStatement statement, int index) throws SQLException {
                    entered.countDown();
                    await(release);
                    return super.bind(statement, index);
                }
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
