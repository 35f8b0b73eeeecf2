package uz.inson.assess.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/** The social passport of one household, as the mahalla social worker recorded it. */
@Schema(description = "The social passport of one household: where it lives, what it earns and spends, who lives in it.")
public record Household(
        @Schema(description = "The calling system's own identifier of the household (not personal data).", example = "SP-1703-000123")
        @Size(max = 64) String externalId,
        @NotNull Region region,
        @Schema(example = "Chust") @Size(max = 100) String district,
        @Schema(example = "Bog'ishamol") @Size(max = 100) String mahalla,
        @NotNull @Valid Housing housing,
        @NotNull @Valid MonthlyIncome monthlyIncome,
        @NotNull @Valid MonthlyExpenses monthlyExpenses,
        @Valid Assets assets,
        @Schema(description = "Registries (notebooks) the household is already in.") Set<@NotNull Registry> registries,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid Member> members) {

    public Household {
        assets = assets == null ? Assets.NONE : assets;
        registries = registries == null ? Set.of() : Set.copyOf(registries);
    }
}
