package uz.inson.assess.rulesets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Impact analyses on this instance: its share of the machine, how often it looks for chunks, how long one stays its own, how long a report is kept. */
@ConfigMapping(prefix = "inson.impact")
public interface ImpactConfig {
    /** Households of a chunk compared at once; default half the cores, at least one. */
    Optional<Integer> parallelism();

    /** How long a claimed chunk stays this instance's; after that another instance takes it over. */
    @WithDefault("60s")
    Duration lease();

    /** How often the instance looks for chunks to claim (the scheduler reads it as {@code inson.impact.poll-every}). */
    @WithDefault("1s")
    Duration pollEvery();

    /**
     * How long a finished analysis (done, cancelled or failed) keeps its report: its lists of affected households name
     * them by external id and mahalla. Run again from the version to see it later.
     */
    @WithDefault("30d")
    Duration keepFinished();
}
