package uz.inson.assess.assessment;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.audit.AuditedRead;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.household.Region;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.util.Arrays;
import java.util.UUID;

@Path("/api/v1/assessments")
@Tag(name = "Assessments", description = "Assess a household: eligible services, risk level and case path, with reasons")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Said on the answer to a retry, as payment APIs that take an Idempotency-Key say it: nothing new was stored. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final AssessmentService service;
    private final SecurityIdentity identity;

    AssessmentResource(AssessmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CASE_WORKER, Roles.INTEGRATION_CLIENT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessHousehold", summary = "Assess one household",
            description = "Runs the household through the rule set in force on asOf and stores the result; with persist=false, answers without storing it."
                    + " Retried with the Idempotency-Key of an assessment this caller stored before, stores nothing and answers that assessment.")
    @APIResponse(responseCode = "201", description = "Assessed; Location points at the stored assessment (the earlier one, with Idempotent-Replayed: true, for a retried Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AssessmentResult.class)))
    @APIResponse(responseCode = "200", description = "A dry run (persist=false): the same answer, not stored, so without an id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AssessmentResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid household; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A case worker's household outside their territory", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No parameter values in force on asOf, or an Idempotency-Key used before for another household or asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response assess(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "Poor family with a disabled child", value = AssessmentExamples.POOR_FAMILY)))
            @NotNull @Valid AssessmentRequest request,
            @Parameter(description = "Language of names and reasons: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang,
            @Parameter(description = "near-misses: also list services missed by one condition") @QueryParam("explain") String explain,
            @Parameter(description = "open-services: also list help open to everyone (helplines, first consultations)") @QueryParam("include") String include,
            @Parameter(description = "false: a dry run, nothing is stored (default true)",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
            @QueryParam("persist") String persist,
            @Parameter(description = "Your key for this assessment (up to 100 characters; empty is none), kept for good per caller: a retry under it stores nothing"
                    + " new and answers the assessment stored then. Ignored with persist=false.", example = "SP-1703-000123/2026-11")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (explain != null && !explain.equals("near-misses")) {
            throw ProblemException.invalid("explain", "must be near-misses");
        }
        if (include != null && !include.equals("open-services")) {
            throw ProblemException.invalid("include", "must be open-services");
        }
        Language language = Language.resolve(lang, headers.getAcceptableLanguages());
        Caller caller = Caller.of(identity);
        if (persist != null && !persist.equals("true") && !persist.equals("false")) {
            throw ProblemException.invalid("persist", "must be true or false");
        }
        if (idempotencyKey != null && idempotencyKey.length() > 100) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be at most 100 characters");
        }
        // an empty header is no key, as HTTP trims a value to nothing
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if ("false".equals(persist)) {
            return Response.ok(AssessmentAccess.shownTo(caller, service.dryRun(request, language, explain != null, include != null, caller))).build();
        }
        AssessmentService.Assessed assessed = service.assess(request, language, explain != null, include != null, caller, key);
        AssessmentResult result = assessed.result();
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(result.id().toString()).build())
                .entity(AssessmentAccess.shownTo(caller, result));
        return (assessed.alreadyStored() ? created.header(REPLAYED, "true") : created).build();
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed({Roles.CASE_WORKER, Roles.AUDITOR})
    @Operation(operationId = "replayAssessment", summary = "Re-run a stored assessment with the exact rule-set version it used", description = "identical must be true")
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AssessmentService.Replay.class)))
    @APIResponse(responseCode = "409", description = "The version the assessment used no longer compiles")
    public AssessmentService.Replay replay(@PathParam("id") UUID id) {
        return service.replay(id, Caller.of(identity));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CASE_WORKER, Roles.INTEGRATION_CLIENT, Roles.AUDITOR})
    @AuditedRead
    @Operation(operationId = "getAssessment", summary = "A stored assessment, as it was answered",
            description = "Case workers see their territory's, integrating systems their own, auditors all; anything else is 404.")
    @APIResponse(responseCode = "404", description = "No such assessment, or not yours to see", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The stored answer", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AssessmentResult.class)))
    public AssessmentResult get(@PathParam("id") UUID id) {
        Caller caller = Caller.of(identity);
        return AssessmentAccess.shownTo(caller, service.find(id, caller));
    }

    @GET
    @RolesAllowed({Roles.CASE_WORKER, Roles.INTEGRATION_CLIENT, Roles.AUDITOR})
    @AuditedRead
    @Operation(operationId = "listAssessments", summary = "Stored assessments the caller may see, newest first, optionally of one region or district",
            description = "Summaries only (no answer): case workers see their territory, integration clients what they assessed themselves, auditors everything. Read one by its id for the full answer.")
    public AssessmentService.Page list(@QueryParam("region") String region, @QueryParam("district") String district,
                                       @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, 500);
        Region wanted = null;
        if (region != null && !region.isBlank()) {
            wanted = Arrays.stream(Region.values()).filter(r -> r.name().equals(region)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("region", "must be one of " + Arrays.toString(Region.values())));
        }
        return service.list(Caller.of(identity), wanted, district == null || district.isBlank() ? null : district, null, page, size);
    }
}
