package uz.inson.assess.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.common.Problem;

/** One answer line: the input line's number and id, and either its result or its problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchAnswer", description = "One NDJSON answer line per input line, in input order: a result, or the problem of that line.")
public record BatchAnswer(
        @Schema(description = "The input line's number, counting from 1 (blank lines count but get no answer).") int line,
        @Schema(description = "The line's id, when it had one.") String id,
        @Schema(description = "detail=full: the answer of a single assessment; detail=decision: a BatchDecision.",
                anyOf = {AssessmentResult.class, BatchDecision.class}) Object result,
        @Schema(description = "True when the line's idempotency key was already stored: the result is the one stored then.") Boolean alreadyStored,
        @Schema(description = "Why this line was not assessed (or not stored); the other lines are not affected.") Problem problem) {

    static BatchAnswer result(int line, String id, Object result, boolean alreadyStored) {
        return new BatchAnswer(line, id, result, alreadyStored ? Boolean.TRUE : null, null);
    }

    static BatchAnswer problem(int line, String id, Problem problem) {
        return new BatchAnswer(line, id, null, null, problem);
    }
}
