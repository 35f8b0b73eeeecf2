package uz.inson.assess.household;

import jakarta.validation.constraints.NotNull;

public record Housing(@NotNull HousingTenure tenure, @NotNull HousingCondition condition, boolean hasUtilities) {
}
