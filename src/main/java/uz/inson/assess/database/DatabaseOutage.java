package uz.inson.assess.database;

import uz.inson.assess.common.RetryLaterException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a database that cannot be reached from a fault of ours: the first is a 503 the caller may retry, the second a
 * 500. Recognised anywhere in the cause chain, since JDBC, the pool, Hibernate and the transaction manager each wrap it.
 */
public final class DatabaseOutage {
    /** Long enough for a restarted server or a failed-over replica, short enough for a caller's retry loop. */
    static final long RETRY_AFTER_SECONDS = 5;
    /** The problem code of the 503. */
    public static final String CODE = "database-unavailable";
    /** Causes and suppressed exceptions looked at, at most: a cycle or a pathological chain ends the search. */
    private static final int MAX_DEPTH = 50;
    /** Agroal's class that opens the pool's connections (its {@code createConnection}). */
    private static final String POOL_OPENING = "io.agroal.pool.ConnectionFactory";

    private DatabaseOutage() {
    }

    /** The 503 to answer when {@code failure} comes from an unreachable database. */
    public static Optional<RetryLaterException> of(Throwable failure) {
        if (connectionFailure(failure, 0)) {
            return Optional.of(new RetryLaterException(503, CODE,
                    "The database cannot be reached; nothing was confirmed. Try again in " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    /** Along the causes and what was suppressed on the way: a commit cut off by the network hangs there under a RollbackException. */
    private static boolean connectionFailure(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (isConnectionFailure(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (connectionFailure(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: the server shut down or is starting; the pool's own acquisition timeout has no state
            return state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")
                    || raisedOpeningAConnection(sql);
        }
        return false;
    }

    /**
     * Whether the pool was opening a new connection when this was raised: whatever the driver says then, the database was
     * not reached. The PostgreSQL driver reports a connection attempt interrupted under an outage as an "unexpected error"
     * (state 99999) with a translated message, so the pool's frame is what tells it.
     */
    private static boolean raisedOpeningAConnection(SQLException failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals(POOL_OPENING) && frame.getMethodName().equals("createConnection")) {
                return true;
            }
        }
        return false;
    }
}
