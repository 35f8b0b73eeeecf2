package uz.inson.assess.assessment;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import uz.inson.assess.common.HttpLimitsConfig;

/**
 * Reads a single assessment's body on the I/O thread, before the endpoint's worker starts. Otherwise the worker reads it
 * itself and waits while the I/O thread fetches it: two more thread hand-offs a request, which cost more CPU on a
 * virtual machine than parsing the household. Only a JSON body sent over HTTP/1 whose declared length is within the limit
 * is read here; any other is left to the endpoint as before, where {@code BodySizeLimit} refuses one too large with
 * problem details.
 */
@Singleton
class EagerBody {
    private static final String JSON = "application/json";
    private final long maxBytes;

    EagerBody(HttpLimitsConfig limits) {
        this.maxBytes = limits.maxBodySize().asLongValue();
    }

    void readFirst(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.post("/api/v1/assessments").handler(context -> {
            // HTTP/1 only: on an HTTP/2 stream Quarkus pauses the request once the endpoint starts, which fails once it is read
            if (context.request().version() != HttpVersion.HTTP_2
                    && readsFirst(context.request().getHeader(HttpHeaders.CONTENT_TYPE), context.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
                body.handle(context);
            } else {
                context.next();
            }
        });
    }

    /**
     * JSON only: Vert.x's reader would parse a form itself and refuse a bad one without problem details (the endpoint
     * answers 415). And not an empty body, for which it would wait for ever (seen in HostileInputTest).
     */
    private boolean readsFirst(String contentType, String contentLength) {
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase(JSON) || contentLength == null) {
            return false;
        }
        try {
            long declared = Long.parseLong(contentLength.trim());
            return declared > 0 && declared <= maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
