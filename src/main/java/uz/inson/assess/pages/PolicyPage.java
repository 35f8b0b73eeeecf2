package uz.inson.assess.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rulesets.BundleUpload;
import uz.inson.assess.rulesets.ImpactJob;
import uz.inson.assess.rulesets.ImpactService;
import uz.inson.assess.rulesets.RuleSetService;
import uz.inson.assess.rulesets.RuleSetSync;
import uz.inson.assess.rulesets.RuleSetView;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The policy workbench: versions with their status and dates, the tables to download, an upload whose problems are
 * listed by file, sheet, row and column, scenario results, and the approve / activate / roll back buttons for those
 * who may press them. Every action goes through {@link RuleSetService}, the API's own.
 */
@Path("/pages/rule-sets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
public class PolicyPage {
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    private static final String NO_SUCH_FILE = "file-not-found";
    private static final int VERSIONS_PER_PAGE = 20;
    private static final int ANALYSES_PER_PAGE = 10;
    private final RuleSetService service;
    private final ActiveRuleSet active;
    private final RuleSetSync sync;
    private final SecurityIdentity identity;
    private final PageErrors errors;
    private final Template list;
    private final Template version;
    private final Template diff;
    private final Template impactPage;
    private final ImpactService impact;
    private final ObjectMapper json;

    PolicyPage(RuleSetService service, ActiveRuleSet active, RuleSetSync sync, SecurityIdentity identity, PageErrors errors,
               @Location("pages/rule-sets.html") Template list, @Location("pages/rule-set.html") Template version,
               @Location("pages/diff.html") Template diff, @Location("pages/impact.html") Template impactPage, ImpactService impact,
               ObjectMapper json) {
        this.service = service;
        this.active = active;
        this.sync = sync;
        this.identity = identity;
        this.errors = errors;
        this.list = list;
        this.version = version;
        this.diff = diff;
        this.impactPage = impactPage;
        this.impact = impact;
        this.json = json;
    }

    /** Who is looking, as the buttons need it; {@code impact}: may see the impact analyses (every policy role but the auditor). */
    public record Powers(boolean upload, boolean approve, boolean impact) {
    }

    /** An impact analysis as the versions page lists it: the versions by their labels. */
    public record Analysis(UUID jobId, String version, String against, String status, int processed, int total, String startedAt) {
    }

    /** One list's place among its pages, counted from 1, with the addresses of the pages either side (none at either end). */
    @TemplateData
    public record Pager(int number, int pages, String newer, String older) {
        static Pager of(int number, int pages, IntFunction<String> address) {
            return new Pager(number, pages, number > 1 ? address.apply(number - 1) : null, number < pages ? address.apply(number + 1) : null);
        }

        static int pages(long total, int size) {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        /** The page asked for; out of range or not a number (an old link, a typed address): the nearest page there is. */
        static int number(String asked, int pages) {
            try {
                return asked == null ? 1 : Math.min(Math.max(Integer.parseInt(asked.strip()), 1), pages);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    @GET
    public Response versions(@QueryParam("lang") String lang, @QueryParam("page") String page, @QueryParam("analyses") String analyses,
                             @CookieParam(PageSession.COOKIE) String session) {
        return versions(200, CaseWorkerPage.text(lang), session, null, page, analyses);
    }

    @GET
    @Path("{id}")
    public Response version(@PathParam("id") String id, @QueryParam("lang") String lang, @CookieParam(PageSession.COOKIE) String session) {
        return version(200, CaseWorkerPage.text(lang), session, uuid(id), null);
    }

    @GET
    @Path("{id}/files/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response file(@PathParam("id") String id, @PathParam("path") String path) {
        byte[] content = service.file(uuid(id), path)
                .orElseThrow(() -> new ProblemException(404, NO_SUCH_FILE, "File " + path + " does not exist in this version", List.of()));
        return Response.ok(content).header("Content-Disposition", "attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"").build();
    }

    @GET
    @Path("{id}/diff")
    public Response diff(@PathParam("id") String id, @QueryParam("lang") String lang, @CookieParam(PageSession.COOKIE) String session) {
        PageText t = CaseWorkerPage.text(lang);
        RuleSetView view = service.find(uuid(id));
        if (view.parentId() == null) {
            return version(409, t, session, view.id(), t.get("policy.no-parent"));
        }
        String html = diff.data("t", t).data("shell", shell(session, "/pages/rule-sets/" + id + "/diff")).data("v", view)
                .data("diff", service.diff(view.id(), view.parentId())).render();
        return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("{id}/impact")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startImpact(@PathParam("id") String id, @RestForm("_token") String token, @RestForm String lang,
                                @CookieParam(PageSession.COOKIE) String session, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        PageText t = CaseWorkerPage.text(lang);
        if (!PageSession.fromOurPage(session, token, origin, uri.getRequestUri())) {
            return errors.page(403, t, shell(session, "/pages/rule-sets/" + id), t.get("error.form-expired"));
        }
        try {
            ImpactJob.Progress started = impact.start(uuid(id), active.get().id());
            return Response.seeOther(URI.create("/pages/rule-sets/impact-jobs/" + started.jobId() + "?lang=" + t.lang())).build();
        } catch (ProblemException e) {
            return version(e.status(), t, session, uuid(id), errors.sentence(t, e));
        }
    }

    @GET
    @Path("impact-jobs/{jobId}")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER})
    public Response impact(@PathParam("jobId") String jobId, @QueryParam("lang") String lang, @CookieParam(PageSession.COOKIE) String session)
            throws JsonProcessingException {
        PageText t = CaseWorkerPage.text(lang);
        ImpactJob.Report report = impact.find(uuid(jobId)).orElseThrow(() -> ProblemException.notFound("Impact job " + jobId)).report();
        // The charts read their figures from a JSON block of the page; the tables beside them carry the same figures
        String chart = json.writeValueAsString(new ImpactChart(report.services(), report.byRegion(), report.riskLevelTransitions(), report.casePathTransitions()));
        boolean running = List.of("RUNNING", "RECEIVING").contains(report.progress().status());
        String html = impactPage.data("t", t).data("shell", shell(session, "/pages/rule-sets/impact-jobs/" + jobId)).data("r", report)
                .data("running", running).data("chart", chart.replace("</", "<\\/")).render();
        return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * Stops an analysis from its page, as {@code DELETE /api/v1/impact-jobs/{jobId}} does: a population of a million started
     * by mistake would otherwise hold one of the two places for analyses for minutes. What was counted so far stays.
     */
    @POST
    @Path("impact-jobs/{jobId}/cancel")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelImpact(@PathParam("jobId") String jobId, @RestForm("_token") String token, @RestForm String lang,
                                 @CookieParam(PageSession.COOKIE) String session, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        PageText t = CaseWorkerPage.text(lang);
        String page = "/pages/rule-sets/impact-jobs/" + jobId;
        if (!PageSession.fromOurPage(session, token, origin, uri.getRequestUri())) {
            return errors.page(403, t, shell(session, page), t.get("error.form-expired"));
        }
        ImpactJob.Progress cancelled = impact.cancel(uuid(jobId));
        return Response.seeOther(URI.create("/pages/rule-sets/impact-jobs/" + cancelled.jobId() + "?lang=" + t.lang())).build();
    }

    /** What the charts draw: services gained and lost, and the monthly cash change by region. */
    record ImpactChart(List<ImpactJob.ServiceChange> services, Map<String, ImpactJob.Area> regions,
                       Map<String, Integer> risk, Map<String, Integer> paths) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    public Response upload(@RestForm("files") List<FileUpload> files, @RestForm String version, @RestForm String changeNote,
                           @RestForm("_token") String token, @RestForm String lang, @CookieParam(PageSession.COOKIE) String session,
                           @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        PageText t = CaseWorkerPage.text(lang);
        if (!PageSession.fromOurPage(session, token, origin, uri.getRequestUri())) {
            return errors.page(403, t, shell(session, "/pages/rule-sets"), t.get("error.form-expired"));
        }
        List<FileUpload> chosen = files == null ? List.of() : files.stream().filter(f -> f.size() > 0).toList();
        if (chosen.isEmpty()) {
            return versions(400, t, session, t.get("policy.choose-file"));
        }
        Caller caller = Caller.of(identity);
        try {
            RuleSetView created = service.create(active.get().id(), chosen.stream().map(PolicyPage::part).toList(), blankToNull(version),
                    caller.name(), caller.has(Roles.RULE_DEVELOPER), blankToNull(changeNote));
            return Response.seeOther(URI.create("/pages/rule-sets/" + created.id() + "?lang=" + t.lang())).build();
        } catch (ProblemException e) {
            return versions(e.status(), t, session, errors.sentence(t, e));
        }
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @RestForm("_token") String token, @RestForm String lang,
                            @CookieParam(PageSession.COOKIE) String session, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        return act(uuid(id), token, lang, session, origin, uri, () -> service.approve(uuid(id), Caller.of(identity).name()));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") String id, @RestForm String effectiveFrom, @RestForm("_token") String token, @RestForm String lang,
                             @CookieParam(PageSession.COOKIE) String session, @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        return act(uuid(id), token, lang, session, origin, uri, () -> {
            service.activate(uuid(id), from(effectiveFrom), Caller.of(identity).name());
            sync.reload();
        });
    }

    @POST
    @Path("rollback")
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@RestForm("_token") String token, @RestForm String lang, @CookieParam(PageSession.COOKIE) String session,
                             @HeaderParam("Origin") String origin, @Context UriInfo uri) {
        PageText t = CaseWorkerPage.text(lang);
        if (!PageSession.fromOurPage(session, token, origin, uri.getRequestUri())) {
            return errors.page(403, t, shell(session, "/pages/rule-sets"), t.get("error.form-expired"));
        }
        try {
            RuleSetView restored = service.rollback(Caller.of(identity).name());
            sync.reload();
            return Response.seeOther(URI.create("/pages/rule-sets/" + restored.id() + "?lang=" + t.lang())).build();
        } catch (ProblemException e) {
            return versions(e.status(), t, session, errors.sentence(t, e));
        }
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response signIn(UriInfo uri) {
        return errors.signIn(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        PageText t = CaseWorkerPage.text(uri.getQueryParameters().getFirst("lang"));
        return errors.page(403, t, shell(null, "/pages/rule-sets"), t.get("error.role"));
    }

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        PageText t = CaseWorkerPage.text(uri.getQueryParameters().getFirst("lang"));
        // what is missing here is a version, an analysis (kept 30 days after it ends) or a version's file, not the case
        // worker's assessment
        String sentence = e.status() != 404 ? errors.sentence(t, e) : t.get(NO_SUCH_FILE.equals(e.code()) ? "policy.file-not-found" : "policy.not-found");
        return errors.page(e.status(), t, shell(null, "/pages/rule-sets"), sentence);
    }

    private Response act(UUID id, String token, String lang, String session, String origin, UriInfo uri, Runnable action) {
        PageText t = CaseWorkerPage.text(lang);
        if (!PageSession.fromOurPage(session, token, origin, uri.getRequestUri())) {
            return errors.page(403, t, shell(session, "/pages/rule-sets/" + id), t.get("error.form-expired"));
        }
        try {
            action.run();
            return Response.seeOther(URI.create("/pages/rule-sets/" + id + "?lang=" + t.lang())).build();
        } catch (ProblemException e) {
            return version(e.status(), t, session, id, errors.sentence(t, e));
        }
    }

    private Response versions(int status, PageText t, String session, String notice) {
        return versions(status, t, session, notice, null, null);
    }

    private Response versions(int status, PageText t, String session, String notice, String versionsPage, String analysesPage) {
        Powers powers = powers();
        int versionPages = Pager.pages(service.count(), VERSIONS_PER_PAGE);
        int versionsAt = Pager.number(versionsPage, versionPages);
        int analysisPages = Pager.pages(powers.impact() ? impact.count() : 0, ANALYSES_PER_PAGE);
        int analysesAt = Pager.number(analysesPage, analysisPages);
        // one list moving on keeps the other where it was
        Pager versionsPager = Pager.of(versionsAt, versionPages, n -> listAddress(n, analysesAt) + "&lang=" + t.lang());
        Pager analysesPager = Pager.of(analysesAt, analysisPages, n -> listAddress(versionsAt, n) + "&lang=" + t.lang() + "#analyses-title");
        RuleSetView.Page page = service.list(versionsAt - 1, VERSIONS_PER_PAGE);
        String html = list.data("t", t).data("shell", shell(session, listAddress(versionsAt, analysesAt))).data("page", page)
                .data("versionsPager", versionsPager).data("analysesPager", analysesPager)
                .data("analyses", powers.impact() ? analyses(page, analysesAt - 1) : List.of())
                .data("activeId", active.get().id()).data("powers", powers).data("notice", notice).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static String listAddress(int versionsPage, int analysesPage) {
        return "/pages/rule-sets?page=" + versionsPage + "&analyses=" + analysesPage;
    }

    private Response version(int status, PageText t, String session, UUID id, String notice) {
        RuleSetView view = service.find(id).in(t.language());
        String html = version.data("t", t).data("shell", shell(session, "/pages/rule-sets/" + id)).data("v", view)
                .data("active", active.get().id().equals(id)).data("powers", powers()).data("notice", notice).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private Powers powers() {
        Caller caller = Caller.of(identity);
        boolean upload = caller.has(Roles.POLICY_OFFICER) || caller.has(Roles.RULE_DEVELOPER);
        return new Powers(upload, caller.has(Roles.POLICY_APPROVER), upload || caller.has(Roles.POLICY_APPROVER));
    }

    /** A page of impact analyses, newest first, whoever started them. */
    private List<Analysis> analyses(RuleSetView.Page versions, int page) {
        Map<UUID, String> labels = new HashMap<>();
        versions.items().forEach(v -> labels.put(v.id(), v.version()));
        Function<UUID, String> label = id -> labels.computeIfAbsent(id, key -> service.find(key).version());
        // on the clock of the page's other columns (the versions' upload times), so the two can be read side by side
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
        return impact.list(page, ANALYSES_PER_PAGE).stream().map(p -> new Analysis(p.jobId(), label.apply(p.ruleSetId()), label.apply(p.against()), p.status(),
                p.processed(), p.total(), minutes.format(p.startedAt()))).toList();
    }

    private PageShell shell(String session, String here) {
        return new PageShell(Caller.of(identity).name(), PageSession.formToken(session), here);
    }

    /** The effective date the approver typed (Tashkent time), or now when left empty. */
    private static OffsetDateTime from(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(TASHKENT).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("effectiveFrom", "must be a date and time such as 2026-12-01T00:00");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Rule set " + id);
        }
    }

    private static BundleUpload.Part part(FileUpload upload) {
        try {
            return new BundleUpload.Part(upload.fileName(), Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
