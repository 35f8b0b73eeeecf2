package uz.inson.assess.household;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An established disability; absent (null) when the member has none. */
public record Disability(
        @NotNull DisabilityGroup group,
        @Schema(example = "2026-06-15", description = "When a disability was first established for the member "
                + "(the first medical commission's decision, not the latest re-examination). Absent: not asked yet; "
                + "support for a newly acquired disability then waits for the answer.")
        LocalDate firstEstablishedOn) {

    public Disability(DisabilityGroup group) {
        this(group, null);
    }
}
