package uz.inson.assess.rulesets;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.population.GeneratedPopulation;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/rule-sets")
@Tag(name = "Rule sets", description = "Versions of the rules and tables: upload, validate, approve, activate, roll back")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    private final RuleSetService service;
    private final RuleSetSync sync;
    private final ActiveRuleSet active;
    private final ImpactService impact;
    private final SecurityIdentity identity;

    RuleSetResource(RuleSetService service, RuleSetSync sync, ActiveRuleSet active, ImpactService impact, SecurityIdentity identity) {
        this.identity = identity;
        this.service = service;
        this.sync = sync;
        this.active = active;
        this.impact = impact;
    }

    /** When a version comes into force; none means now. Who activates is the signed-in approver. */
    public record Activation(OffsetDateTime effectiveFrom) {
    }

    @GET
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
    @Operation(operationId = "listRuleSets", summary = "Rule-set versions, newest first",
            description = "Every stored version with its status (DRAFT, VALIDATED, APPROVED, SCHEDULED, ACTIVE, SUPERSEDED) and dates.")
    public RuleSetView.Page list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size, 200);
        return service.list(page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
    @Operation(operationId = "getRuleSet", summary = "One version: status, activations, files and its last validation",
            description = "The version's status, activations, files and the problems and scenario results of its last validation.")
    public RuleSetView get(@PathParam("id") UUID id, @Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return service.find(id).in(Language.resolve(lang, headers.getAcceptableLanguages()));
    }

    @GET
    @Path("{id}/files/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
    @Operation(operationId = "downloadRuleSetFile", summary = "Download a file of a version exactly as stored, e.g. decision-tables/eligibility-cash-benefits.drl.xlsx",
            description = "Policy officers download the table in force, edit it in Excel and upload it as a new version.")
    @APIResponse(responseCode = "200", description = "The file exactly as stored", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") UUID id, @PathParam("path") String path) {
        byte[] content = service.file(id, path).orElseThrow(() -> ProblemException.notFound("File " + path + " of rule set " + id));
        return Response.ok(content).header("Content-Disposition", "attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"").build();
    }

    @GET
    @Path("{id}/diff")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
    @Operation(operationId = "diffRuleSets", summary = "What changed from version 'against' (default: its parent) to this one: table rows, cells, catalogue entries",
            description = "Rows added, removed and changed in each table, cell by cell, and catalogue entries changed.")
    public RuleSetDiff.Diff diff(@PathParam("id") UUID id, @QueryParam("against") String against) {
        UUID base = against == null || against.isBlank() ? service.find(id).parentId() : parseId(against, "against");
        if (base == null) {
            throw ProblemException.invalid("against", "is required for a version without a parent");
        }
        return service.diff(id, base);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    @Operation(operationId = "uploadRuleSet", summary = "Upload changed files over a parent version (default: the one in force), or a zip of a whole bundle; "
            + "creates a DRAFT and validates it",
            description = "Multipart form: `files` (one or more tables or DRL files, or one zip of a whole bundle), optional `parentId`, `version` and `changeNote`. The new version is validated at once: problems name file, sheet, row and column. Only a rule developer may change DRL or code rows.")
    @APIResponse(responseCode = "201", description = "Stored as a DRAFT and validated; Location points at it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "409", description = "A version with exactly these files already exists, or the parent does not compile")
    public Response create(@RestForm("files") List<FileUpload> files, @RestForm String parentId, @RestForm String version,
                           @RestForm String changeNote, @Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        UUID parent = parentId == null || parentId.isBlank() ? active.get().id() : parseId(parentId, "parentId");
        List<BundleUpload.Part> parts = files == null ? List.of() : files.stream().map(RuleSetResource::part).toList();
        Caller caller = Caller.of(identity);
        RuleSetView created = service.create(parent, parts, version, caller.name(), caller.has(Roles.RULE_DEVELOPER), changeNote);
        return Response.status(201).header("Location", "/api/v1/rule-sets/" + created.id())
                .entity(created.in(Language.resolve(lang, headers.getAcceptableLanguages()))).build();
    }

    @GET
    @Path("{id}/diff.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER, Roles.AUDITOR})
    @Operation(operationId = "downloadRuleSetDiff", summary = "The same diff as a workbook: added rows green, removed red, changed cells yellow (old → new)",
            description = "For reviewers who read changes in Excel.")
    @APIResponse(responseCode = "200", description = "The diff workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response diffWorkbook(@PathParam("id") UUID id, @QueryParam("against") String against) {
        byte[] workbook = DiffWorkbook.write(diff(id, against));
        return Response.ok(workbook).header("Content-Disposition", "attachment; filename=\"diff-" + id + ".xlsx\"").build();
    }

    @POST
    @Path("{id}/impact")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    @Operation(operationId = "startImpactAnalysis", summary = "Start an impact analysis of this version against another (default: the one in force); the population is "
            + "the stored households, or an NDJSON body of assessment requests. Follow Location for progress and the report.",
            description = "Body: optional NDJSON of households (one assessment request a line, a generated population's lines as they are), read "
                    + "and stored a chunk at a time as it arrives, of any size up to the batch limit (2 GB); without it, the latest stored "
                    + "assessment of every household is run again. A bad line is refused by its number and nothing is kept. Poll the job at its Location.")
    @APIResponse(responseCode = "202", description = "Started; Location points at the job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Progress.class)))
    @APIResponse(responseCode = "400", description = "A line of the population that a single assessment would not take, named by its number", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "One of the two versions does not compile")
    @APIResponse(responseCode = "429", description = "Two impact analyses are already running (or receiving their households)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response impact(@PathParam("id") UUID id, @QueryParam("against") String against,
                           @RequestBody(required = false, description = "NDJSON: one assessment request a line (a generated population's lines as they are); none for the stored households",
                                   content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = AssessmentRequest.class)))
                           InputStream ndjson) throws IOException {
        return started(impact.start(id, against(against), ndjson));
    }

    @POST
    @Path("{id}/impact/generated")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    @Operation(operationId = "startGeneratedImpactAnalysis", summary = "Start an impact analysis over a population the service generates: for trials and demos of a draft",
            description = "No upload: the service makes up the households with its population generator (docs/population.md; the same `households`, "
                    + "`seed` and `asOf` always give the same households) and answers at once; the job is `RECEIVING` while they are made and "
                    + "stored, then runs like an uploaded population. Nobody in it exists: its report shows the shape of a change, not its real cost.")
    @APIResponse(responseCode = "202", description = "Accepted; Location points at the job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImpactJob.Progress.class)))
    @APIResponse(responseCode = "400", description = "No body, or a field out of range", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "One of the two versions does not compile")
    @APIResponse(responseCode = "429", description = "Two impact analyses are already running (or receiving their households)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response impactGenerated(@PathParam("id") UUID id, @QueryParam("against") String against,
                                    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GeneratedPopulation.class),
                                            examples = @ExampleObject(name = "A million households", value = "{\"households\": 1000000, \"seed\": 42, \"asOf\": \"2026-11-25\"}")))
                                    @Valid @NotNull GeneratedPopulation population) {
        return started(impact.start(id, against(against), population));
    }

    /** The version to compare with: {@code against}, or the one in force. */
    private UUID against(String against) {
        return against == null || against.isBlank() ? active.get().id() : parseId(against, "against");
    }

    private static Response started(ImpactJob.Progress progress) {
        return Response.accepted(progress).header("Location", "/api/v1/impact-jobs/" + progress.jobId()).build();
    }

    @POST
    @Path("{id}/validate")
    @RolesAllowed({Roles.POLICY_OFFICER, Roles.RULE_DEVELOPER})
    @Operation(operationId = "validateRuleSet", summary = "Compile the version and run its scenarios again",
            description = "Compiles the version and runs the scenarios of its bundle; the answer carries the problems and scenario results.")
    @APIResponse(responseCode = "409", description = "The version does not compile")
    @APIResponse(responseCode = "200", description = "Validated: problems and scenario results are in the answer", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    public RuleSetView validate(@PathParam("id") UUID id, @Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return service.validate(id).in(Language.resolve(lang, headers.getAcceptableLanguages()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Operation(operationId = "approveRuleSet", summary = "Approve a VALIDATED version (not by its author)",
            description = "Four eyes: the approver cannot be the version's author.")
    @APIResponse(responseCode = "409", description = "The version is not VALIDATED, or the approver is its author")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    public RuleSetView approve(@PathParam("id") UUID id, @Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return service.approve(id, Caller.of(identity).name()).in(Language.resolve(lang, headers.getAcceptableLanguages()));
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Operation(operationId = "activateRuleSet", summary = "Put an APPROVED version in force now, or from effectiveFrom",
            description = "Case dates before effectiveFrom keep the version that was in force then. Every instance switches within seconds.")
    @APIResponse(responseCode = "409", description = "The version is not APPROVED")
    @APIResponse(responseCode = "200", description = "In force (or scheduled)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    public RuleSetView activate(@PathParam("id") UUID id, Activation activation, @Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        service.activate(id, activation == null ? null : activation.effectiveFrom(), Caller.of(identity).name());
        sync.reload();
        return service.find(id).in(Language.resolve(lang, headers.getAcceptableLanguages()));
    }

    @POST
    @Path("rollback")
    @RolesAllowed(Roles.POLICY_APPROVER)
    @Operation(operationId = "rollBackRuleSet", summary = "Put the previous version back in force, now",
            description = "Adds an activation of the version in force before the current one, effective now; nothing is deleted.")
    @APIResponse(responseCode = "409", description = "Nothing is in force, or there is no earlier version")
    @APIResponse(responseCode = "200", description = "The version now in force", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    public RuleSetView rollback(@Parameter(description = "Language of the validation messages: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        RuleSetView restored = service.rollback(Caller.of(identity).name());
        sync.reload();
        return service.find(restored.id()).in(Language.resolve(lang, headers.getAcceptableLanguages()));
    }

    private static UUID parseId(String id, String field) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "is not a rule-set id");
        }
    }

    private static BundleUpload.Part part(FileUpload upload) {
        try {
            return new BundleUpload.Part(upload.fileName(), Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
