package uz.inson.assess.household;

import jakarta.validation.constraints.PositiveOrZero;

public record Assets(boolean car, @PositiveOrZero long landPlotSqm, @PositiveOrZero long livestockHeads) {

    public static final Assets NONE = new Assets(false, 0, 0);
}
