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

    @Test
    void anotherFailureIsNot() {
        RollbackException commit = new RollbackException("constraint");
        commit.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertFalse(DatabaseOutage.of(new RuntimeException(commit)).isPresent());
        assertFalse(DatabaseOutage.of(new IllegalStateException("boom")).isPresent());
    }
}
