package uz.inson.assess.batch;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The streaming batch on this instance. */
@ConfigMapping(prefix = "inson.batch")
public interface BatchConfig {
    /** Lines of a chunk decided at once; default half the cores, at least one (as impact analysis). */
    Optional<Integer> parallelism();
}
