package uz.inson.assess.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready only while the database answers. The public body says UP or DOWN and nothing else: the built-in check would
 * tell anyone who asks the database's host and port. Why it is down goes to the log, for the operator.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return HealthCheckResponse.up("database");
            }
            LOG.warn("Readiness: the database connection did not answer in time");
        } catch (SQLException e) {
            LOG.warnf("Readiness: the database cannot be reached (%s, SQL state %s)", e.getClass().getName(), e.getSQLState());
        }
        return HealthCheckResponse.down("database");
    }
}
