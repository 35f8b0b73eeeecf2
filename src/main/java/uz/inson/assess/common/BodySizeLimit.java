package uz.inson.assess.common;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/** Refuses an oversized body from its declared length, before anything reads it, with 413 problem details. */
public class BodySizeLimit {
    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "inson.http.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new ProblemException(413, "body-too-large", "The request body has " + request.getLength()
                    + " bytes; the limit is " + maxBytes, List.of(new Violation("body", "is larger than " + maxBytes + " bytes")));
        }
    }
}
