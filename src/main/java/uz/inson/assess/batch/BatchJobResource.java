package uz.inson.assess.batch;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import uz.inson.assess.audit.AuditedRead;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.population.GeneratedPopulation;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.ClientAddress;
import uz.inson.assess.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/batch-jobs")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.INTEGRATION_CLIENT})
public class BatchJobResource {
    private final BatchJobs jobs;
    private final SecurityIdentity identity;

    BatchJobResource(BatchJobs jobs, SecurityIdentity identity) {
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Consumes(BatchResource.NDJSON)
    @Operation(operationId = "startBatchJob", summary = "Assess many households later: upload NDJSON, follow the job, download the answers",
            description = "For inputs too large to wait for. The upload is read and each line checked as in the streamed batch; the job then runs "
                    + "on any instance, a chunk of 200 lines at a time, and survives the loss of one. Same lines, options and answers as "
                    + "`POST /api/v1/assessments/batch`; the answer lines are at `/api/v1/batch-jobs/{jobId}/answers` once the job is DONE.")
    @APIResponse(responseCode = "202", description = "Received; Location points at the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJob.class)))
    @APIResponse(responseCode = "400", description = "A body with no lines, or an option that is not one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(
            @RequestBody(required = true, description = "NDJSON: one BatchLine a line (a line of a generated population is one)",
                    content = @Content(mediaType = BatchResource.NDJSON, schema = @Schema(implementation = BatchLine.class),
                            examples = @ExampleObject(name = "One line", value = BatchExamples.LINE)))
            InputStream body,
            @Parameter(description = "false: a dry run, nothing is stored (default true)", schema = @Schema(type = SchemaType.STRING, enumeration = {"true", "false"}))
            @QueryParam("persist") String persist,
            @Parameter(description = "full (default): each result as a single assessment answers it; decision: codes, package, risk level and case path, without sentences",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "decision"}))
            @QueryParam("detail") String detail,
            @Parameter(description = "Language of names and reasons: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest http) throws IOException {
        BatchAssessor.Options options = BatchAssessor.Options.of(persist, detail, Language.resolve(lang, headers.getAcceptableLanguages()));
        return accepted(jobs.receive(body, options, Caller.of(identity), ClientAddress.of(http)));
    }

    @POST
    @Path("generated")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startGeneratedBatchJob", summary = "Assess a population the service generates: a dry batch job for demos, trials and capacity tests",
            description = "No upload: the service makes up the households itself with its population generator (docs/population.md; the same "
                    + "`households`, `seed` and `asOf` always give the same households) and answers at once; the job is `RECEIVING` while they "
                    + "are made and stored, then runs like an uploaded one. Always a dry run: nobody in a generated population exists, so "
                    + "nothing is stored but the job's answer lines.")
    @APIResponse(responseCode = "202", description = "Accepted; Location points at the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJob.class)))
    @APIResponse(responseCode = "400", description = "No body, a field out of range, or an option that is not one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response startGenerated(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GeneratedPopulation.class),
                    examples = @ExampleObject(name = "A hundred thousand households", value = "{\"households\": 100000, \"seed\": 42, \"asOf\": \"2026-11-25\"}")))
            @Valid @NotNull GeneratedPopulation population,
            @Parameter(description = "full (default): each result as a single assessment answers it; decision: codes, package, risk level and case path, without sentences",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"full", "decision"}))
            @QueryParam("detail") String detail,
            @Parameter(description = "Language of names and reasons: uz (default), ru or en; overrides Accept-Language") @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        BatchAssessor.Options options = BatchAssessor.Options.of("false", detail, Language.resolve(lang, headers.getAcceptableLanguages()));
        return accepted(jobs.generate(population, options, Caller.of(identity), ClientAddress.of(http)));
    }

    @GET
    @Operation(operationId = "listBatchJobs", summary = "Your batch jobs, newest first", description = "The jobs this caller started, a page at a time.")
    public BatchJob.Page list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size, 100);
        Caller caller = Caller.of(identity);
        List<BatchJob> items = jobs.list(caller, page, size);
        return new BatchJob.Page(items, page, size, jobs.count(caller));
    }

    @GET
    @Path("{jobId}")
    @Operation(operationId = "getBatchJob", summary = "A batch job's progress",
            description = "Poll until `status` is `DONE`: lines answered so far (results and problems), percent and the seconds left at the pace so far.")
    @APIResponse(responseCode = "200", description = "The job's progress", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJob.class)))
    @APIResponse(responseCode = "404", description = "No such job, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BatchJob get(@PathParam("jobId") UUID jobId) {
        return job(jobId);
    }

    @GET
    @Path("{jobId}/answers")
    @AuditedRead
    @Produces(BatchResource.NDJSON)
    @Operation(operationId = "getBatchJobAnswers", summary = "A finished job's answer lines, NDJSON in input order",
            description = "One line per input line, exactly as the streamed batch answers it (a result or that line's problem). Streamed a chunk at a time. "
                    + "A cancelled job gives the lines answered before it was cancelled; each line names its input line.")
    @APIResponse(responseCode = "200", description = "The answer lines", content = @Content(mediaType = BatchResource.NDJSON, schema = @Schema(implementation = BatchAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such job, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The job is still receiving or running; see its progress", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response answers(@PathParam("jobId") UUID jobId) {
        BatchJob job = job(jobId);
        if (!job.status().equals("DONE") && !job.status().equals("CANCELLED")) {
            throw new ProblemException(409, "job-not-finished", "Batch job " + jobId + " is " + job.status() + " (" + job.percent()
                    + "% answered); its answers can be read once it is DONE", List.of());
        }
        StreamingOutput answers = out -> jobs.answers(jobId, out);
        return Response.ok(answers, BatchResource.NDJSON)
                .header("Content-Disposition", "attachment; filename=\"batch-" + jobId + ".ndjson\"").build();
    }

    @DELETE
    @Path("{jobId}")
    @Operation(operationId = "cancelBatchJob", summary = "Cancel a batch job",
            description = "No chunk is started after this; the lines already answered (and stored) stay, and can be downloaded.")
    @APIResponse(responseCode = "200", description = "The job as it is now: CANCELLED, or DONE when it had finished", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJob.class)))
    @APIResponse(responseCode = "404", description = "No such job, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BatchJob cancel(@PathParam("jobId") UUID jobId) {
        job(jobId);
        jobs.cancel(jobId);
        return job(jobId);
    }

    private static Response accepted(BatchJob job) {
        return Response.accepted(job).header("Location", "/api/v1/batch-jobs/" + job.id()).build();
    }

    private BatchJob job(UUID jobId) {
        return jobs.find(jobId, Caller.of(identity)).orElseThrow(() -> ProblemException.notFound("Batch job " + jobId));
    }
}
