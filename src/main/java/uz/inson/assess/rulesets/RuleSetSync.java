package uz.inson.assess.rulesets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uz.inson.assess.rules.BundleConfig;
import uz.inson.assess.rules.RuleSetConfig;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.LaunchRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetMetrics;
import uz.inson.assess.rules.RuleSetInvalidException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps this instance's {@link ActiveRuleSet} in step with the activations in PostgreSQL: at start (importing the
 * repository's bundle into an empty database), on every NOTIFY from an instance that activated or rolled back, and
 * by polling as a fallback, so every instance converges within seconds.
 */
@ApplicationScoped
public class RuleSetSync {
    private static final Logger LOG = Logger.getLogger(RuleSetSync.class);
    static final String NO_BUNDLE = "the database has no version in force, and none was found to import (no rules/ folder under"
            + " inson.bundle.directory, none packed into the application); upload and activate one";
    static final String NONE_ACTIVE = "the database has versions but none is in force now; activate one";

    private final ActiveRuleSet active;
    private final RuleSetMetrics metrics;
    private final RuleSetService service;
    private final AgroalDataSource dataSource;
    private final Path bundleDirectory;
    private final Duration pollEvery;
    private final boolean usePackaged;
    private final AtomicLong lastSeen = new AtomicLong(-1);
    private volatile boolean running = true;
    private Thread listener;

    RuleSetSync(ActiveRuleSet active, RuleSetMetrics metrics, RuleSetService service, AgroalDataSource dataSource,
                RuleSetConfig config, BundleConfig bundle) {
        this.active = active;
        this.metrics = metrics;
        this.service = service;
        this.dataSource = dataSource;
        this.bundleDirectory = bundle.directory();
        this.pollEvery = config.pollEvery();
        this.usePackaged = bundle.packaged();
    }

    /**
     * Takes the launch's rule set, whose compile the launch began before the container was up (the version the database
     * has in force, or the repository's), imports the repository's bundle into an empty database, puts the activations
     * in force and keeps listening. The folder {@code inson.bundle.directory} wins (policy staff editing the
     * repository); else the bundle packed into the application at build time.
     */
    void onStart(@Observes StartupEvent event) {
        LaunchRuleSet.Launch launch = LaunchRuleSet.take(bundleDirectory, usePackaged);
        listener = new Thread(() -> {
            // known within moments of the launch (the database's answer or its timeout), long before the container is up
            launch.chosen().join().ifPresent(bundle -> active.adopt(bundle, launch.compiled()));
            run(launch.repository().orElse(null));
        }, "rule-set-sync");
        listener.setDaemon(true);
        listener.start();
    }

    /** Lets the listener give its connection back before the pool closes, which otherwise warned at every stop. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(pollEvery.toMillis() + 500);
        }
    }

    private void run(RuleSetBundle bundle) {
        try {
            if (bundle != null) {
                if (QuarkusTransaction.requiringNew().call(() -> service.importIfEmpty(bundle))) {
                    LOG.infof("Imported the repository's rule set %s as the first version", bundle.version());
                }
            }
            reload();
            if (active.currentActivation().isEmpty()) {
                String reason = bundle == null ? NO_BUNDLE : NONE_ACTIVE;
                active.nothingInForce(reason);
                LOG.error("No rule set is active: " + reason);
            }
        } catch (RuntimeException e) {
            LOG.error("No rule set could be put in force", e);
            active.failed(e.getMessage());
        }
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN rule_set_activation");
                statement.execute("LISTEN rule_set_approved");
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) pollEvery.toMillis());
                    boolean activated = false;
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        if ("rule_set_approved".equals(notification.getName())) {
                            UUID approved = UUID.fromString(notification.getParameter());
                            CompletableFuture.runAsync(() -> active.byId(approved));
                        } else {
                            activated = true;
                        }
                    }
                    if (activated || lastActivationId() != lastSeen.get()) {
                        reload();
                    }
                    // a version scheduled for a later moment comes into force without any notification
                    metrics.refresh();
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Rule-set listener lost its connection (%s); retrying", e.getMessage());
                    sleep();
                }
            }
        }
    }

    /** Reads the activations and puts them in force on this instance; returns once the swap is done. */
    public synchronized void reload() {
        long last = lastActivationId();
        var timeline = QuarkusTransaction.requiringNew().call(service::timeline);
        try {
            active.install(timeline, id -> QuarkusTransaction.requiringNew().call(() -> service.bundle(id)));
            lastSeen.set(last);
            metrics.refresh();
        } catch (RuleSetInvalidException e) {
            LOG.errorf("The rule set in force does not compile: %s", e.getMessage());
            active.failed(e.getMessage());
        }
    }

    private long lastActivationId() {
        return QuarkusTransaction.requiringNew().call(service::lastActivationId);
    }

    private void sleep() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
