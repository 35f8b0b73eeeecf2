package uz.inson.assess.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses an oversized body from its declared length, before anything reads it, with 413 problem details. The HTTP
 * server's own limit is the batch's (a stream of households may be gigabytes); every other path keeps its smaller one,
 * also for a body sent without a declared length, which the server's reader then stops at this limit.
 */
public class BodySizeLimit {
    /** Where Quarkus' streaming body reader looks for the limit of the request in hand. */
    private static final String READER_LIMIT = "io.quarkus.max-request-size";
    private static final Pattern IMPACT = Pattern.compile("/api/v1/rule-sets/[^/]+/impact");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final long maxBatchBytes;
    private final CurrentVertxRequest current;

    BodySizeLimit(HttpLimitsConfig limits, CurrentVertxRequest current) {
        this.maxBytes = limits.maxBodySize().asLongValue();
        this.maxUploadBytes = limits.maxUploadSize().asLongValue();
        this.maxBatchBytes = limits.maxBatchSize().asLongValue();
        this.current = current;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // Rule-set uploads (workbooks, a zipped bundle) may be larger than an assessment, a batch (or an impact
        // analysis's population, also read a line at a time) larger still
        long limit = path.equals("/api/v1/assessments/batch") || path.equals("/api/v1/batch-jobs") || IMPACT.matcher(path).matches() ? maxBatchBytes
                : path.startsWith("/api/v1/rule-sets") ? maxUploadBytes : maxBytes;
        if (request.getLength() > limit) {
            throw new ProblemException(413, "body-too-large", "The request body has " + request.getLength()
                    + " bytes; the limit is " + limit, List.of(new Violation("body", "is larger than " + limit + " bytes")));
        }
        if (request.getLength() < 0 && current.getCurrent() != null) {
            current.getCurrent().put(READER_LIMIT, limit);
        }
    }
}
