package uz.inson.assess.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of the service: "now" for activations, audit entries and expiry, "today" for case dates. Everything
 * asks this bean rather than the system, so a test run (or a rehearsal of a dated activation) can move it by
 * {@code inson.clock.offset}; tokens and rate limits keep real time.
 */
@Singleton
public class ServiceClock {
    private static final Logger LOG = Logger.getLogger(ServiceClock.class);
    /** Case dates are Tashkent dates. */
    public static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    @ConfigMapping(prefix = "inson.clock")
    public interface Config {
        /** How far the service's clock runs ahead of the system's (ISO-8601, e.g. P365D); for tests and rehearsals. */
        @WithDefault("PT0S")
        Duration offset();
    }

    private final Clock clock;

    ServiceClock(Config config) {
        if (!config.offset().isZero()) {
            LOG.warnf("The service clock runs %s off the system clock (inson.clock.offset)", config.offset());
        }
        this.clock = Clock.offset(Clock.systemUTC(), config.offset());
    }

    @Produces
    @Singleton
    Clock clock() {
        return clock;
    }

    /** Today in Tashkent, by the service's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TASHKENT));
    }
}
