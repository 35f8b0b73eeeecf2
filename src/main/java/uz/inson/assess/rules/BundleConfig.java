package uz.inson.assess.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where the first rule set comes from, imported into an empty database. */
@ConfigMapping(prefix = "inson.bundle")
public interface BundleConfig {
    // LaunchRuleSet.EarlyStart reads these keys before the mapping exists
    String DIRECTORY = "inson.bundle.directory";
    String PACKAGED = "inson.bundle.packaged";
    String DEFAULT_DIRECTORY = ".";
    String DEFAULT_PACKAGED = "true";

    /** The folder holding {@code rules/} and {@code decision-tables/}. */
    @WithDefault(DEFAULT_DIRECTORY)
    Path directory();

    /** Without such a folder, import the bundle the build packed into the application. */
    @WithDefault(DEFAULT_PACKAGED)
    boolean packaged();
}
