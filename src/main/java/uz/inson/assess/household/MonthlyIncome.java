package uz.inson.assess.household;

import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The household's income by source, UZS per month. */
@Schema(description = "The household's income by source, UZS per month.")
public record MonthlyIncome(@PositiveOrZero long wages, @PositiveOrZero long pensions, @PositiveOrZero long benefits,
                            @PositiveOrZero long remittances, @PositiveOrZero long agriculture, @PositiveOrZero long other) {

    public long total() {
        return wages + pensions + benefits + remittances + agriculture + other;
    }
}
