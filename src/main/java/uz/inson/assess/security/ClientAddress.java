package uz.inson.assess.security;

import io.vertx.core.http.HttpServerRequest;

/** The client's address as the HTTP layer saw it (behind a proxy: see quarkus.http.proxy.* in docs/security.md). */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
