package uz.inson.assess.rules;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where the first rule set comes from, imported into an empty database. */
// read while the container starts (compiling begins on its @Initialized event), before runtime configuration
@StaticInitSafe
@ConfigMapping(prefix = "inson.bundle")
public interface BundleConfig {
    /** The folder holding {@code rules/} and {@code decision-tables/}. */
    @WithDefault(".")
    Path directory();

    /** Without such a folder, import the bundle the build packed into the application. */
    @WithDefault("true")
    boolean packaged();
}
