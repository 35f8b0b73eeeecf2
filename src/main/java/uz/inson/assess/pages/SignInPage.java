package uz.inson.assess.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.security.ClientAddress;
import uz.inson.assess.security.Roles;
import uz.inson.assess.security.TokenIssuer;
import uz.inson.assess.security.UserService;

import java.net.URI;
import java.util.List;

/** Signing in and out of the pages with the service's own users; the session is the API's token in a cookie ({@link PageSession}). */
@Path("/pages")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final TokenIssuer issuer;
    private final Template signIn;
    private final boolean secureCookie;

    SignInPage(TokenIssuer issuer, @Location("pages/sign-in.html") Template signIn,
               PagesConfig config) {
        this.issuer = issuer;
        this.signIn = signIn;
        this.secureCookie = config.secureCookie();
    }

    @GET
    @Path("sign-in")
    @PermitAll
    public String form(@QueryParam("lang") String lang, @QueryParam("next") String next) {
        return render(CaseWorkerPage.text(lang), "", next == null ? "" : safe(next), null);
    }

    @POST
    @Path("sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password, @FormParam("lang") String lang,
                           @FormParam("next") String next, @HeaderParam("Origin") String origin, @Context UriInfo uri,
                           @Context HttpServerRequest request) {
        PageText t = CaseWorkerPage.text(lang);
        String name = username == null ? "" : username.strip();
        if (!PageSession.sameOrigin(origin, uri.getRequestUri())) {
            return html(403, render(t, name, next, t.get("error.form-expired")));
        }
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return html(400, render(t, name, next, t.get(name.isEmpty() ? "signin.username-required" : "signin.password-required")));
        }
        try {
            TokenIssuer.Issued issued = issuer.issue(name, password, ClientAddress.of(request));
            // Without a page to go back to, each role starts where its work is
            String target = next != null && !next.isBlank() ? safe(next)
                    : issued.roles().contains(Roles.CASE_WORKER) ? "/pages/assess" : "/pages/rule-sets";
            return Response.seeOther(URI.create(target + (target.contains("?") ? "&" : "?") + "lang=" + t.lang()))
                    .header(HttpHeaders.SET_COOKIE, PageSession.cookie(issued.token(), issuer.lifespan(), secureCookie)).build();
        } catch (ProblemException e) {
            String message = switch (e.status()) {
                case 401 -> t.get("signin.wrong");
                case 429 -> t.get("signin.throttled");
                default -> t.get("problem.unavailable");
            };
            return html(e.status(), render(t, name, next, message));
        }
    }

    @POST
    @Path("sign-out")
    @PermitAll
    public Response signOut() {
        return Response.seeOther(URI.create("/pages/sign-in")).header(HttpHeaders.SET_COOKIE, PageSession.expired(secureCookie)).build();
    }

    private String render(PageText t, String username, String next, String error) {
        next = next == null || next.isBlank() ? "" : safe(next);
        // The demo users exist only in dev and test mode (UserService), and so does this hint.
        List<UserService.DemoUser> demo = LaunchMode.current().isDevOrTest() ? UserService.DEMO_USERS : List.of();
        return signIn.data("t", t).data("shell", new PageShell(null, "", "/pages/sign-in")).data("username", username)
                .data("next", next).data("error", error).data("demo", demo).render();
    }

    private static Response html(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** Only our own pages as the place to go back to: no open redirect. */
    private static String safe(String next) {
        return next != null && next.startsWith("/pages/") && !next.startsWith("//") && !next.contains("\\") ? next : "/pages/assess";
    }
}
