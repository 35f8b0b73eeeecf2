package uz.inson.assess.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Keeps {@code http_server_requests} bounded whatever callers send. Unmatched paths are already counted under
 * {@code uri="NOT_FOUND"}; a path that matches a template but not its method (DELETE on a read-only resource) would
 * otherwise be counted under its raw path, one new series per request.
 */
public class HttpMetrics {
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

    @Produces
    @Singleton
    MeterFilter boundedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("http.server.requests") && "405".equals(id.getTag("status"))) {
                    List<Tag> tags = id.getTags().stream()
                            .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", METHOD_NOT_ALLOWED) : tag).toList();
                    return id.replaceTags(tags);
                }
                return id;
            }
        };
    }
}
