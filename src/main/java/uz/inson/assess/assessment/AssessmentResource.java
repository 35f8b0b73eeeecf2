package uz.inson.assess.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemException;

import java.util.UUID;

@Path("/api/v1/assessments")
@Tag(name = "Assessments", description = "Assess a household: eligible services, risk level and case path, with reasons")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    private final AssessmentService service;

    AssessmentResource(AssessmentService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess one household", description = "Runs the household through the rule set in force on asOf and stores the result.")
    @APIResponse(responseCode = "201", description = "Assessed; Location points at the stored assessment")
    @APIResponse(responseCode = "400", description = "Invalid household; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No parameter values in force on asOf", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response assess(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "Poor family with a disabled child", value = AssessmentExamples.POOR_FAMILY)))
            @NotNull @Valid AssessmentRequest request,
            @Parameter(description = "Language of names and reasons: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang,
            @Parameter(description = "near-misses: also list services missed by one condition") @QueryParam("explain") String explain,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (explain != null && !explain.equals("near-misses")) {
            throw ProblemException.invalid("explain", "must be near-misses");
        }
        Language language = Language.resolve(lang, headers.getAcceptableLanguages());
        AssessmentResult result = service.assess(request, language, explain != null);
        return Response.created(uri.getAbsolutePathBuilder().path(result.id().toString()).build()).entity(result).build();
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Re-run a stored assessment with the exact rule-set version it used", description = "identical must be true")
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentService.Replay replay(@PathParam("id") UUID id) {
        return service.replay(id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A stored assessment, as it was answered")
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentResult get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> AssessmentService.notFound(id));
    }
}
