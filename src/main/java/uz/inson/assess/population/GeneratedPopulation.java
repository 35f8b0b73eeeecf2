package uz.inson.assess.population;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A population the service generates itself ({@link PopulationGenerator}): the same three values always give the same households. */
@Schema(name = "GeneratedPopulation", description = "Households made up by the service's population generator (docs/population.md); nobody in them exists.")
public record GeneratedPopulation(
        @Schema(description = "How many households", minimum = "1", maximum = "1000000", example = "100000", required = true)
        @NotNull @Min(1) @Max(MAX_HOUSEHOLDS) Integer households,
        @Schema(description = "The generator's seed: the same seed gives the same households. Default 42.", example = "42")
        Long seed,
        @Schema(description = "The case date of every household; ages are counted back from it. Default: today in Tashkent.", example = "2026-11-25")
        LocalDate asOf) {

    public static final int MAX_HOUSEHOLDS = 1_000_000;
    private static final long DEFAULT_SEED = 42;

    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    public LocalDate asOfOr(LocalDate today) {
        return asOf == null ? today : asOf;
    }
}
