package uz.inson.assess.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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
        @Schema(nullable = true, description = "What the household owns; absent or null: not asked yet (means-tested cash then waits for it).") @Valid Assets assets,
        @Schema(description = "Registries (notebooks) the household is already in.") Set<@NotNull Registry> registries,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid Member> members,
        @Schema(description = "Catalogue codes of benefits, pensions and aid the household already receives; they are not counted again in the package.",
                example = "[\"CSH-005\"]")
        @Size(max = 50) Set<@NotNull @Pattern(regexp = "[A-Z]{3}-\\d{3}", message = "must be a catalogue code such as CSH-001") String> receives,
        @Schema(description = "The household's total income in each of the last three months, oldest first, UZS; when given, "
                + "per-capita income is their sum ÷ members ÷ 3 (decree PF-258).", example = "[1100000, 1250000, 1250000]")
        @Size(min = 3, max = 3) List<@NotNull @PositiveOrZero @Max(MonthlyIncome.MAX_AMOUNT * 6) Long> incomeLast3Months) {

    public Household {
        registries = registries == null ? Set.of() : Set.copyOf(registries);
        receives = receives == null ? Set.of() : Set.copyOf(receives);
        incomeLast3Months = incomeLast3Months == null ? null : List.copyOf(incomeLast3Months);
    }

    /** A household as the first version of the API described it. */
    public Household(String externalId, Region region, String district, String mahalla, Housing housing, MonthlyIncome monthlyIncome,
                     MonthlyExpenses monthlyExpenses, Assets assets, Set<Registry> registries, List<Member> members) {
        this(externalId, region, district, mahalla, housing, monthlyIncome, monthlyExpenses, assets, registries, members, null, null);
    }
}
