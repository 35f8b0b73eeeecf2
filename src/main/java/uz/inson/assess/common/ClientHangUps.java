package uz.inson.assess.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * A client that closes its connection before its answer is written (a timeout on its side, a load generator stopping)
 * is not a failure of the service: there is no one left to answer, and nothing for an operator to do. Quarkus 3.33
 * logs each one as an ERROR with an error id (later versions log it no more, quarkusio/quarkus#55492), which would
 * page an operator for every impatient client. This counts them ({@code inson_http_client_hang_ups_total}: a rising
 * rate says callers time out), says each at DEBUG, and leaves every other failure to Quarkus. A request the endpoint was
 * still reading, or a batch it was still streaming back, when the connection closed is answered 400
 * {@code connection-closed} ({@link ProblemMappers}), to no one, and audited as such rather than as a 500 of ours.
 */
@Singleton
public class ClientHangUps {
    private static final Logger LOG = Logger.getLogger(ClientHangUps.class);
    private final Counter hangUps;
    private final CurrentVertxRequest current;

    ClientHangUps(MeterRegistry registry, CurrentVertxRequest current) {
        this.current = current;
        this.hangUps = Counter.builder("inson.http.client.hang.ups")
                .description("Requests whose client closed the connection before it was read or answered").register(registry);
    }

    void quietly(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (isHangUp(context.failure(), context.response().closed())) {
                // the method only: a path may name a user
                counted("The client closed the connection before the answer to a %s", context.request().method());
            } else {
                context.next();
            }
        });
    }

    /** A hang-up seen: counted, and said at DEBUG only. */
    void counted(String format, Object detail) {
        hangUps.increment();
        LOG.debugf(format, detail);
    }

    /** Whether this failure of the request in hand is its client's connection closing under it. */
    boolean cutOff(Throwable failure) {
        RoutingContext context = current.getCurrent();
        return isHangUp(failure, context != null && context.response().closed());
    }

    /**
     * Whether the failure is the connection closing under the request: Vert.x says so, or an I/O failure (reading its
     * body, writing a streamed answer) came while the connection was closed.
     */
    static boolean isHangUp(Throwable failure, boolean connectionClosed) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException || connectionClosed && cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
