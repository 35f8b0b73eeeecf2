package uz.inson.assess.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Batches on this instance: streamed ones, and the chunks of batch jobs it claims. */
@ConfigMapping(prefix = "inson.batch")
public interface BatchConfig {
    /** Lines of a chunk decided at once; default half the cores, at least one (as impact analysis). */
    Optional<Integer> parallelism();

    /** How long a claimed chunk of a batch job stays this instance's; after that another instance takes it over. */
    @WithDefault("60s")
    Duration lease();

    /** How often the instance looks for batch-job chunks to claim (the scheduler reads it as {@code inson.batch.poll-every}). */
    @WithDefault("1s")
    Duration pollEvery();

    /**
     * How long a finished batch job (done or cancelled) keeps its lines and answers for download: they hold the
     * households' personal data, so they are not kept for good. The assessments a job stored are not touched.
     */
    @WithDefault("30d")
    Duration keepFinished();
}
