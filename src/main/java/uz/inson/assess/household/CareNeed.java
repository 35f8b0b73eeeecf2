package uz.inson.assess.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much help a member needs in daily life, as scored by the social worker: the Barthel index of activities of daily
 * living (0 fully dependent … 100 independent) and, for people over 80, the Lawton scale of instrumental activities
 * (0 … 8 independent). Either may be left out.
 */
@Schema(description = "Care need scores: Barthel index 0–100 (100 = independent); Lawton IADL 0–8 (8 = independent), used for people over 80.")
public record CareNeed(
        @Schema(minimum = "0", maximum = "100", example = "45") @Min(0) @Max(100) Integer barthel,
        @Schema(minimum = "0", maximum = "8", example = "3") @Min(0) @Max(8) Integer lawton) {
}
