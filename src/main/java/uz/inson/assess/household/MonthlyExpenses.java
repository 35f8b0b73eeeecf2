package uz.inson.assess.household;

import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The household's expenses by kind, UZS per month. */
@Schema(description = "The household's expenses by kind, UZS per month.")
public record MonthlyExpenses(@PositiveOrZero long housing, @PositiveOrZero long utilities, @PositiveOrZero long medical,
                              @PositiveOrZero long education, @PositiveOrZero long debt, @PositiveOrZero long other) {

    /** Expenses a family cannot cut: the "net of essential expenses" income subtracts these (debt and other are not). */
    public long essential() {
        return housing + utilities + medical + education;
    }
}
