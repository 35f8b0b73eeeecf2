package uz.inson.assess.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The household's expenses by kind, UZS per month. */
@Schema(description = "The household's expenses by kind, UZS per month.")
public record MonthlyExpenses(@PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long housing, @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long utilities,
                              @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long medical, @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long education,
                              @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long debt, @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT) long other) {

    /** Expenses a family cannot cut: the "net of essential expenses" income subtracts these (debt and other are not). */
    public long essential() {
        return Math.addExact(Math.addExact(housing, utilities), Math.addExact(medical, education));
    }
}
