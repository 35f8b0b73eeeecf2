package uz.inson.assess.pages;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A signed-in page user carries the same JWT the API issues, in an HttpOnly, SameSite=Strict cookie scoped to
 * {@code /pages}: scripts cannot read it, other sites' requests do not carry it, and the API never sees it. Before
 * anything authenticates a page request, the cookie becomes its bearer token, so pages are checked by the very same
 * JWT verification and {@code @RolesAllowed} as the API.
 * <p>
 * Forms that change state also carry a token derived from the cookie (a page of ours can embed it; another site can
 * neither read the cookie nor compute it), and their Origin, when the browser sends one, must be this site.
 */
@Singleton
public class PageSession {
    static final String COOKIE = "inson_session";
    static final String PATH = "/pages";

    void bearerFromCookie(@Observes Router router) {
        router.route(PATH + "/*").order(Integer.MIN_VALUE + 1).handler(context -> {
            Cookie session = context.request().getCookie(COOKIE);
            if (session != null && !context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
                context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.getValue());
            }
            context.next();
        });
    }

    static String cookie(String token, Duration lifespan, boolean secure) {
        Cookie cookie = Cookie.cookie(COOKIE, token).setPath(PATH).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setMaxAge(lifespan.toSeconds()).setSecure(secure);
        return cookie.encode();
    }

    static String expired(boolean secure) {
        return Cookie.cookie(COOKIE, "").setPath(PATH).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setMaxAge(0).setSecure(secure).encode();
    }

    /** The form token of a session: a hash of its cookie, so it needs no storage and dies with the session. */
    static String formToken(String sessionToken) {
        if (sessionToken == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("form:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** Whether a state-changing form really comes from our own page: its token matches the session, its Origin is ours. */
    static boolean fromOurPage(String sessionToken, String formToken, String origin, URI request) {
        return sessionToken != null && sameOrigin(origin, request) && MessageDigest.isEqual(formToken(sessionToken).getBytes(StandardCharsets.UTF_8),
                (formToken == null ? "" : formToken).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser names the page a form was sent from in Origin; none (an older browser) leaves the form token to decide. */
    static boolean sameOrigin(String origin, URI request) {
        if (origin == null) {
            return true;
        }
        try {
            return request.getAuthority() != null && request.getAuthority().equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
