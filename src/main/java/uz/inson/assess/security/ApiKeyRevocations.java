package uz.inson.assess.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Hears every instance's revocations (PostgreSQL LISTEN on {@value #CHANNEL}) and makes this instance forget the key at
 * once. While the listening connection is down, nothing is kept in memory: every request reads its key again.
 */
@ApplicationScoped
class ApiKeyRevocations {
    static final String CHANNEL = "api_key_revoked";
    private static final Logger LOG = Logger.getLogger(ApiKeyRevocations.class);
    /** How long one wait for notifications lasts; a shutdown is noticed within it. */
    private static final int WAIT_MILLIS = 1_000;

    private final ApiKeyService keys;
    private final AgroalDataSource dataSource;
    private volatile boolean running = true;
    private Thread listener;

    ApiKeyRevocations(ApiKeyService keys, AgroalDataSource dataSource) {
        this.keys = keys;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "api-key-revocations");
        listener.setDaemon(true);
        listener.start();
    }

    /** Lets the listener give its connection back before the pool closes, which otherwise warned at every stop. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(WAIT_MILLIS + 500);
        }
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                keys.caching(true);
                if (lost) {
                    LOG.info("API-key revocations are heard again; valid keys are kept in memory again");
                    lost = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        keys.forget(UUID.fromString(notification.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return; // shutting down: the pool closed under us, and the beans may already be gone
                }
                keys.caching(false);
                if (!lost && running) {
                    LOG.warnf("API-key revocations cannot be heard (%s); every request reads its key from the database until they can", e.getMessage());
                    lost = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
