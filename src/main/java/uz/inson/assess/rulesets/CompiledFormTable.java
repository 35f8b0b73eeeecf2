package uz.inson.assess.rulesets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.inson.assess.rules.CompiledForm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The rules any instance compiled ({@link CompiledForm}), kept in PostgreSQL: an instance starting, putting a version in
 * force or getting ready for an approved one reads them instead of compiling the same rules again. Neither reading nor
 * keeping ever fails a compile: with the database away, the rules are compiled as before.
 */
@ApplicationScoped
public class CompiledFormTable implements CompiledForm.Store {
    private static final Logger LOG = Logger.getLogger(CompiledFormTable.class);
    /** A form nobody read for this long (its version retired, a draft never approved, an older build's) is removed. */
    static final Duration KEEP_UNREAD = Duration.ofDays(30);

    private final AgroalDataSource dataSource;
    private final Clock clock;

    CompiledFormTable(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public byte[] find(String key) {
        try {
            // in a transaction of its own: a compile may run inside a caller's (an upload's), whose rollback must not matter
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return CompiledForm.Table.find(connection, key, clock.instant());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("The compiled rules could not be looked up (%s); compiling them", e.getMessage());
            return null;
        }
    }

    @Override
    public void keep(String key, byte[] form) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    CompiledForm.Table.keep(connection, key, form, clock.instant());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("The compiled rules could not be kept (%s); the next compile of them starts from the DRL", e.getMessage());
        }
    }

    /** Removes the forms nobody read for {@link #KEEP_UNREAD}. Every instance sweeps; a second delete finds nothing. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement delete = connection.prepareStatement("delete from compiled_form where read_at < ?")) {
                    delete.setTimestamp(1, Timestamp.from(clock.instant().minus(KEEP_UNREAD)));
                    delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            // tried again in an hour
        }
    }
}
