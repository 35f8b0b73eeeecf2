package uz.inson.assess.rulesets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.audit.AuditedRead;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/impact-jobs")
@Tag(name = "Impact", description = "A version's effect on a population before it is put in force")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.POLICY_OFFICER, Roles.POLICY_APPROVER, Roles.RULE_DEVELOPER})
public class ImpactResource {
    private final ImpactService impact;

    ImpactResource(ImpactService impact) {
        this.impact = impact;
    }

    public record AffectedPage(List<ImpactJob.AffectedHousehold> items, int page, int size, int total) {
    }

    @GET
    @Operation(operationId = "listImpactJobs", summary = "Every impact analysis, newest first",
            description = "Each analysis's progress, a page at a time: those comparing, those still receiving their households (`RECEIVING`, which hold one of the two places for analyses until they run or are cancelled), and those finished, kept for `inson.impact.keep-finished`.")
    public ImpactJob.Page list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size, 100);
        return new ImpactJob.Page(impact.list(page, size), page, size, impact.count());
    }

    @GET
    @Path("{jobId}")
    @Operation(operationId = "getImpactJob", summary = "Progress (percent, processed/total, ETA) and the report so far",
            description = "Poll until `status` is `DONE`: the report counts households whose services, risk level or case path change, and the cost by region.")
    public ImpactJob.Report report(@PathParam("jobId") UUID jobId) {
        return job(jobId).report();
    }

    @GET
    @Path("{jobId}/households")
    @AuditedRead
    @Operation(operationId = "listImpactHouseholds", summary = "The affected households, a page at a time",
            description = "The households whose answer differs between the two versions, with what changed for each.")
    public AffectedPage households(@PathParam("jobId") UUID jobId, @QueryParam("page") @DefaultValue("0") int page,
                                   @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, 1000);
        List<ImpactJob.AffectedHousehold> all = affected(jobId);
        return new AffectedPage(all.stream().skip((long) page * size).limit(size).toList(), page, size, all.size());
    }

    @GET
    @Path("{jobId}/households.csv")
    @AuditedRead
    @Produces("text/csv")
    @Operation(operationId = "downloadImpactHouseholdsCsv", summary = "The affected households as CSV",
            description = "The same list as a CSV file (UTF-8, comma-separated, header row).")
    @APIResponse(responseCode = "200", description = "The affected households", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("jobId") UUID jobId) {
        return Response.ok(AffectedExport.csv(affected(jobId)))
                .header("Content-Disposition", "attachment; filename=\"impact-" + jobId + ".csv\"").build();
    }

    @GET
    @Path("{jobId}/households.xlsx")
    @AuditedRead
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(operationId = "downloadImpactHouseholdsXlsx", summary = "The affected households as a workbook (header frozen, filters on)",
            description = "The same list as an Excel workbook.")
    @APIResponse(responseCode = "200", description = "The affected households", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("jobId") UUID jobId) {
        return Response.ok(AffectedExport.xlsx(affected(jobId)))
                .header("Content-Disposition", "attachment; filename=\"impact-" + jobId + ".xlsx\"").build();
    }

    @DELETE
    @Path("{jobId}")
    @Operation(operationId = "cancelImpactJob", summary = "Cancel a running analysis",
            description = "Stops a running analysis; what was counted so far stays readable.")
    public ImpactJob.Progress cancel(@PathParam("jobId") UUID jobId) {
        return impact.cancel(jobId);
    }

    private ImpactService.Stored job(UUID jobId) {
        return impact.find(jobId).orElseThrow(() -> ProblemException.notFound("Impact job " + jobId));
    }

    private List<ImpactJob.AffectedHousehold> affected(UUID jobId) {
        return job(jobId).tally().affected;
    }
}
