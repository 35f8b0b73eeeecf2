package uz.inson.assess.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Entries that could not be chained when they happened because the database was away: those of refused, failed or
 * unacknowledged requests (a change is never acknowledged without its entry). They wait here, oldest first, and are
 * chained as soon as the database answers again, keeping the time they happened. Only a process that dies during
 * an outage loses them, which it reports as it stops.
 */
@ApplicationScoped
public class AuditBacklog {
    private static final Logger LOG = Logger.getLogger(AuditBacklog.class);
    private static final int CAPACITY = 100_000;
    private static final long RETRY_SECONDS = 2;

    private final BlockingQueue<AuditTrail.Event> waiting = new LinkedBlockingQueue<>(CAPACITY);
    private final AuditTrail trail;
    private ScheduledExecutorService writer;

    AuditBacklog(AuditTrail trail, MeterRegistry registry) {
        this.trail = trail;
        Gauge.builder("inson.audit.backlog", waiting, BlockingQueue::size)
                .description("Audit entries waiting for the database to come back").register(registry);
    }

    void start(@Observes StartupEvent start) {
        writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-backlog");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::drain, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        drain();
        if (!waiting.isEmpty()) {
            LOG.errorf("AUDIT ENTRIES NOT WRITTEN: %d entries still waited for the database when the service stopped", waiting.size());
        }
    }

    /** Keeps an entry for later; false when the backlog is full. */
    boolean keep(AuditTrail.Event event) {
        boolean kept = waiting.offer(event);
        if (kept) {
            LOG.warnf("Audit entry for %s waits for the database (%d waiting)", event.action(), waiting.size());
        } else {
            LOG.errorf("AUDIT ENTRY NOT WRITTEN for %s (outcome %d): the backlog of %d is full", event.action(), event.outcome(), CAPACITY);
        }
        return kept;
    }

    public int size() {
        return waiting.size();
    }

    /** Chains waiting entries in order until the first that still cannot be written. */
    synchronized void drain() {
        AuditTrail.Event next;
        while ((next = waiting.peek()) != null) {
            try {
                trail.record(next);
            } catch (RuntimeException e) {
                return;
            }
            waiting.poll();
        }
    }
}
