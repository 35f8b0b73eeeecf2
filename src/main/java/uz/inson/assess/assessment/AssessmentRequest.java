package uz.inson.assess.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.household.Household;

import java.time.LocalDate;

/** One household to assess, as of a date (default: today in Tashkent). */
public record AssessmentRequest(
        @Schema(description = "The date the assessment is made as of; picks the rule-set version and parameter values in force. Default: today.", example = "2026-11-25")
        LocalDate asOf,
        @NotNull @Valid Household household) {

    /** Whether {@code retry}, sent under this request's idempotency key, asks the same: the household, and the case date when it names one. */
    public boolean isRetriedBy(AssessmentRequest retry) {
        return household.equals(retry.household()) && (retry.asOf() == null || retry.asOf().equals(asOf));
    }
}
