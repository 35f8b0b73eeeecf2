package uz.inson.assess.database;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures count as the database being away, wherever in the exception they are. */
class DatabaseOutageCausesTest {

    @Test
    void aCommitCutOffByTheNetworkIsAnOutageThoughItsCauseIsOnlySuppressed() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseOutage.of(new RuntimeException("Error invoking subclass method", commit)).isPresent());
    }

    /** Seen in DatabaseOutageTest: the pool's attempt to connect, interrupted while the server was down, was a 500. */
    @Test
    void aConnectionAttemptInterruptedWhileThePoolOpensItIsAnOutage() {
        SQLException unusual = new SQLException("Something unusual has occurred to cause the driver to fail. Please report this exception.",
                "99999", new RuntimeException("Interrupted while attempting to connect."));
        unusual.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.postgresql.Driver", "connect", "Driver.java", 321),
                new StackTraceElement("io.agroal.pool.ConnectionFactory", "createConnection", "ConnectionFactory.java", 225),
                new StackTraceElement("io.agroal.pool.ConnectionPool$CreateConnectionTask", "call", "ConnectionPool.java", 664)});
        assertTrue(DatabaseOutage.of(new RuntimeException("Unable to acquire JDBC Connection", unusual)).isPresent());

        SQLException sameStateElsewhere = new SQLException("Something unusual has occurred", "99999");
        assertFalse(DatabaseOutage.of(new RuntimeException(sameStateElsewhere)).isPresent(), "the state alone says nothing");
    }

    @Test
    void anotherFailureIsNot() {
        RollbackException commit = new RollbackException("constraint");
        commit.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertFalse(DatabaseOutage.of(new RuntimeException(commit)).isPresent());
        assertFalse(DatabaseOutage.of(new IllegalStateException("boom")).isPresent());
    }
}
