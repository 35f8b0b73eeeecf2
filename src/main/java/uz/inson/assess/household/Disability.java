package uz.inson.assess.household;

import jakarta.validation.constraints.NotNull;

/** An established disability; absent (null) when the member has none. */
public record Disability(@NotNull DisabilityGroup group) {
}
