package uz.inson.assess.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How instances keep the rule set in force in step; defaults here, overrides in the environment. */
@ConfigMapping(prefix = "inson.rule-set")
public interface RuleSetConfig {
    /** How long requests arriving before the first compilation wait for it instead of failing. */
    @WithDefault("30s")
    Duration startupWait();

    /** How often an instance checks for activations it was not notified of. */
    @WithDefault("2s")
    Duration pollEvery();
}
