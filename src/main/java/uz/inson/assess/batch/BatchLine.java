package uz.inson.assess.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.household.Household;

import java.time.LocalDate;

/**
 * One line of a batch: an assessment request as {@code POST /api/v1/assessments} takes it, with two optional fields of
 * the batch beside {@code asOf} and {@code household} — so a line of a generated population is a batch line as it is.
 */
@Schema(name = "BatchLine", description = "One NDJSON line: an assessment request (asOf, household) with an optional id and idempotency key.")
public record BatchLine(
        @Schema(description = "The caller's own id of the line, echoed in its answer line.", example = "row-000123") @Size(max = 100) String id,
        @Schema(description = "Retrying a line with a key already stored by this caller stores nothing new and answers the stored result. Only with persist=true.",
                example = "SP-1703-000123/2026-11") @Size(max = 100) String idempotencyKey,
        @Schema(description = "As in a single assessment: the case date; default today.", example = "2026-11-25") LocalDate asOf,
        @NotNull @Valid Household household) {

    AssessmentRequest request() {
        return new AssessmentRequest(asOf, household);
    }
}
