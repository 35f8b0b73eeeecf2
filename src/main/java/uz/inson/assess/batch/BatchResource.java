package uz.inson.assess.batch;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.common.Language;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.ClientAddress;
import uz.inson.assess.security.Roles;

import java.io.InputStream;

@Path("/api/v1/assessments/batch")
@Tag(name = "Assessments")
public class BatchResource {
    static final String NDJSON = "application/x-ndjson";

    private final BatchAssessor assessor;
    private final SecurityIdentity identity;

    BatchResource(BatchAssessor assessor, SecurityIdentity identity) {
        this.assessor = assessor;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CASE_WORKER, Roles.INTEGRATION_CLIENT})
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(operationId = "assessBatch", summary = "Assess many households: NDJSON in, NDJSON out, streamed",
            description = "One assessment request a line (optionally with id and idempotencyKey); one answer line per input line, in input order, "
                    + "written as the lines are decided, each a result or that line's problem — a bad line never stops the batch. "
                    + "Each line is checked, authorised (a case worker's territory) and decided exactly as a single assessment. "
                    + "Stored lines are committed 200 at a time, each chunk with one audit entry.")
    @APIResponse(responseCode = "200", description = "The answer lines, streamed in input order",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchAnswer.class)))
    public Response assess(
            @RequestBody(required = true, description = "NDJSON: one BatchLine a line (a line of a generated population is one)",
                    content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchLine.class),
                            examples = @ExampleObject(name = "One line", value = BatchExamples.LINE)))
            InputStream body,
            @Parameter(description = "false: a dry run, nothing is stored (default true)", schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
            @QueryParam("persist") String persist,
            @Parameter(description = "full (default): each result as a single assessment answers it; decision: codes, package, risk level and case path, without sentences",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "decision"}))
            @QueryParam("detail") String detail,
            @Parameter(description = "Language of names and reasons: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        BatchAssessor.Options options = BatchAssessor.Options.of(persist, detail, Language.resolve(lang, headers.getAcceptableLanguages()));
        Caller caller = Caller.of(identity);
        String client = ClientAddress.of(http);
        StreamingOutput answers = out -> assessor.run(body, out, options, caller, client);
        return Response.ok(answers, NDJSON).build();
    }
}
