package uz.inson.assess.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import uz.inson.assess.common.ProblemException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Every refusal of a page is a page in the worker's language: never a stack trace, never JSON. */
@ApplicationScoped
public class PageErrors {
    private final Template error;

    PageErrors(@Location("pages/error.html") Template error) {
        this.error = error;
    }

    Response page(int status, PageText t, PageShell shell, String message) {
        String html = error.data("t", t).data("shell", shell).data("status", status).data("message", message).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** Not signed in (or the session ended): to the sign-in page, which brings the worker back here. */
    Response signIn(UriInfo uri) {
        String back = uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/pages/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
    }

    /** The problem in words the worker can act on; the service's own sentence where the page has none. */
    String sentence(PageText t, ProblemException e) {
        String key = "problem." + e.code();
        String sentence = t.get(key);
        return sentence.equals(key) ? e.getMessage() : sentence;
    }
}
