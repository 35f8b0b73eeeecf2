package uz.inson.assess.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/** Refuses an oversized body from its declared length, before anything reads it, with 413 problem details. */
public class BodySizeLimit {
    private final long maxBytes;
    private final long maxUploadBytes;

    BodySizeLimit(@ConfigProperty(name = "inson.http.max-body-size") MemorySize maxBodySize,
                  @ConfigProperty(name = "inson.http.max-upload-size") MemorySize maxUploadSize) {
        this.maxBytes = maxBodySize.asLongValue();
        this.maxUploadBytes = maxUploadSize.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        // Rule-set uploads (workbooks, a zipped bundle) may be larger than an assessment
        long limit = request.getUriInfo().getPath().startsWith("/api/v1/rule-sets") ? maxUploadBytes : maxBytes;
        if (request.getLength() > limit) {
            throw new ProblemException(413, "body-too-large", "The request body has " + request.getLength()
                    + " bytes; the limit is " + limit, List.of(new Violation("body", "is larger than " + limit + " bytes")));
        }
    }
}
