package uz.inson.assess.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The household's income by source, UZS per month. */
@Schema(description = "The household's income by source, UZS per month.")
public record MonthlyIncome(@PositiveOrZero @Max(MAX_AMOUNT) long wages, @PositiveOrZero @Max(MAX_AMOUNT) long pensions,
                            @PositiveOrZero @Max(MAX_AMOUNT) long benefits, @PositiveOrZero @Max(MAX_AMOUNT) long remittances,
                            @PositiveOrZero @Max(MAX_AMOUNT) long agriculture, @PositiveOrZero @Max(MAX_AMOUNT) long other) {

    /** No source of one household brings ten billion UZS a month; larger numbers are typing errors (and could overflow sums). */
    public static final long MAX_AMOUNT = 10_000_000_000L;

    public long total() {
        return Math.addExact(Math.addExact(Math.addExact(wages, pensions), Math.addExact(benefits, remittances)), Math.addExact(agriculture, other));
    }
}
