package uz.inson.assess.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the household owns, for the proxy means test; left out of a request, the assets are unknown. */
@Schema(description = "Assets for the proxy means test. When the whole object is absent, the assets count as unknown and means-tested cash waits for them.")
public record Assets(boolean car, @PositiveOrZero @Max(100_000_000) long landPlotSqm, @PositiveOrZero @Max(100_000) long livestockHeads,
                     @Schema(description = "A business or other regular commercial activity of a member.") boolean business) {

    public static final Assets NONE = new Assets(false, 0, 0, false);
}
