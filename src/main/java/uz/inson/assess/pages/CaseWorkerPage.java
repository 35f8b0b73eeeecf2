package uz.inson.assess.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.AssessmentService;
import uz.inson.assess.audit.AuditedRead;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The case worker's pages: the intake form, the answer beside it, the family's letter. They call the same
 * {@link AssessmentService} as the API, so territory, audit and storage are the API's own.
 */
@Path("/pages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CASE_WORKER)
public class CaseWorkerPage {
    private static final int EARLIER = 20;
    private final AssessmentService service;
    private final SecurityIdentity identity;
    private final Validator validator;
    private final PageErrors errors;
    private final Template assess;
    private final Template letter;

    CaseWorkerPage(AssessmentService service, SecurityIdentity identity, Validator validator, PageErrors errors,
                   @Location("pages/assess.html") Template assess, @Location("pages/letter.html") Template letter) {
        this.service = service;
        this.identity = identity;
        this.validator = validator;
        this.errors = errors;
        this.assess = assess;
        this.letter = letter;
    }

    @GET
    @Path("assess")
    public String start(@QueryParam("lang") String lang, @QueryParam("example") boolean example, @CookieParam(PageSession.COOKIE) String session) {
        Caller caller = Caller.of(identity);
        FormState form = example ? HouseholdForm.example(caller.region(), caller.district()) : HouseholdForm.blank(caller.region(), caller.district());
        return page(AssessPage.form(text(lang), shell(session, "/pages/assess" + (example ? "?example=true" : "")), form, null));
    }

    @POST
    @Path("assess")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields, @CookieParam(PageSession.COOKIE) String session,
                           @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        PageText t = text(fields.getFirst("lang"));
        PageShell shell = shell(session, "/pages/assess");
        if (!PageSession.fromOurPage(session, fields.getFirst("_token"), origin, uri.getRequestUri())) {
            return errors.page(403, t, shell, t.get("error.form-expired"));
        }
        FormState form = HouseholdForm.posted(fields);
        String action = fields.getFirst("action") == null ? "assess" : fields.getFirst("action");
        if (action.equals("add-member")) {
            return html(200, AssessPage.form(t, shell, HouseholdForm.withMember(form), null));
        }
        if (action.startsWith("remove-member-")) {
            int index = action.substring("remove-member-".length()).matches("\\d{1,2}") ? Integer.parseInt(action.substring(14)) : -1;
            return html(200, AssessPage.form(t, shell, HouseholdForm.withoutMember(form, index), null));
        }
        AssessmentRequest request = HouseholdForm.read(form, t);
        if (request != null) {
            for (ConstraintViolation<AssessmentRequest> v : validator.validate(request)) {
                String name = v.getPropertyPath().toString().replaceFirst("^household\\.", "").replaceAll("<[^>]*>", "");
                form.addError(name, HouseholdForm.label(t, name) + ": " + constraint(t, v));
            }
        }
        if (form.hasErrors()) {
            return html(400, AssessPage.form(t, shell, form, null));
        }
        try {
            AssessmentResult result = service.assess(request, t.language(), false, false, Caller.of(identity), null).result();
            return Response.seeOther(URI.create("/pages/assessments/" + result.id() + "?lang=" + t.lang())).build();
        } catch (ProblemException e) {
            for (Violation v : e.violations()) {
                String name = v.field().replaceFirst("^household\\.", "");
                form.addError(name, HouseholdForm.label(t, name) + ": " + v.message());
            }
            return html(e.status(), AssessPage.form(t, shell, form, e.violations().isEmpty() ? errors.sentence(t, e) : null));
        }
    }

    @GET
    @Path("assessments/{id}")
    @AuditedRead
    public Response answer(@PathParam("id") String id, @QueryParam("lang") String lang, @QueryParam("nearMisses") boolean nearMisses,
                           @CookieParam(PageSession.COOKIE) String session) {
        PageText t = text(lang);
        Caller caller = Caller.of(identity);
        AssessmentService.Worded worded = service.worded(uuid(id), t.language(), nearMisses, caller);
        String externalId = worded.request().household().externalId();
        List<AssessmentService.Summary> earlier = externalId == null ? List.of()
                : service.list(caller, null, null, externalId, 0, EARLIER).items();
        String here = "/pages/assessments/" + id + (nearMisses ? "?nearMisses=true" : "");
        return html(200, AssessPage.answered(t, shell(session, here), HouseholdForm.of(worded.request()), worded.result(), earlier, nearMisses));
    }

    @GET
    @Path("assessments/{id}/letter")
    @AuditedRead
    public String familyLetter(@PathParam("id") String id, @QueryParam("lang") String lang) {
        // The family reads Uzbek (Latin) or Russian; an English page prints the Uzbek letter.
        Language language = "ru".equals(lang) ? Language.ru : Language.uz;
        AssessmentResult result = service.worded(uuid(id), language, false, Caller.of(identity)).result();
        return letter.data("t", PageText.of(language)).data("result", result).data("letter", FamilyLetter.of(result, PageText.of(language))).render();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response signIn(UriInfo uri) {
        return errors.signIn(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return errors.page(403, text(null), shell(null, "/pages/assess"), text(null).get("error.role"));
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        PageText t = text(uri.getQueryParameters().getFirst("lang"));
        return errors.page(e.status(), t, shell(null, "/pages/assess"), errors.sentence(t, e));
    }

    /** The broken constraint in the page's language (Bean Validation's own messages are English). */
    private static String constraint(PageText t, ConstraintViolation<?> violation) {
        String key = "error.constraint." + violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String message = t.get(key);
        return message.equals(key) ? violation.getMessage() : message;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Assessment " + id);
        }
    }

    private String page(AssessPage page) {
        return assess.data("page", page).data("t", page.t()).data("shell", page.shell()).render();
    }

    private Response html(int status, AssessPage page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page(page)).build();
    }

    private PageShell shell(String session, String here) {
        return new PageShell(Caller.of(identity).name(), PageSession.formToken(session), here);
    }

    static PageText text(String lang) {
        return PageText.of(lang != null && Set.of("uz", "ru", "en").contains(lang) ? Language.valueOf(lang) : Language.uz);
    }
}
