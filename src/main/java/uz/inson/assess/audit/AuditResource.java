package uz.inson.assess.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.security.Roles;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what, when, from where, with what outcome (auditor)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {
    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @AuditedRead
    @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first; filter by actor, object id, action prefix (e.g. 'POST /api/v1/rule-sets') and time",
            description = "Every write and every read of personal data, whatever its outcome, with actor, roles, action, object, outcome and client address. Filters combine; `from` and `to` are ISO date-times.")
    public AuditTrail.Page list(@QueryParam("actor") String actor, @QueryParam("objectId") String objectId, @QueryParam("action") String action,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, 1000);
        return trail.page(new AuditTrail.Filter(blankToNull(actor), blankToNull(objectId), blankToNull(action), instant(from, "from"), instant(to, "to")), page, size);
    }

    @GET
    @Path("verify")
    @Operation(operationId = "verifyAuditTrail", summary = "Walk the hash chain: intact, or the first entry that was changed or removed",
            description = "Recomputes every entry's hash in id order. Write `headHash` down elsewhere to detect later that newest entries were cut off.")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }

    private static OffsetDateTime instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date-time with offset, e.g. 2026-11-25T09:00:00+05:00");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
