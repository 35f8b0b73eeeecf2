package uz.inson.assess.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a request body may be, by kind of request; larger is a 413 before anything reads it. */
@ConfigMapping(prefix = "inson.http")
public interface HttpLimitsConfig {
    /** A single assessment (and a line of a batch), or any other JSON body. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Rule-set uploads: workbooks or a zipped bundle. */
    @WithDefault("25M")
    MemorySize maxUploadSize();

    /** A streamed batch of households, a batch job's upload, or an impact analysis's population: each read a line at a time. */
    @WithDefault("2G")
    MemorySize maxBatchSize();
}
