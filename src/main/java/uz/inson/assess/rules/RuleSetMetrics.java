package uz.inson.assess.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code inson_rule_set_active{version,hash} 1}: the version this instance decides with now, so a dashboard shows
 * when every instance has switched after an activation (and which one lags).
 */
@ApplicationScoped
public class RuleSetMetrics {
    private final MultiGauge active;
    private final ActiveRuleSet ruleSets;

    RuleSetMetrics(MeterRegistry registry, ActiveRuleSet ruleSets) {
        this.ruleSets = ruleSets;
        this.active = MultiGauge.builder("inson.rule.set.active")
                .description("The rule-set version this instance decides with now (value 1)").register(registry);
    }

    /** Called whenever the timeline may have moved on: after a reload, and on every poll. */
    public void refresh() {
        active.register(ruleSets.ifLoaded()
                .map(rs -> List.of(MultiGauge.Row.of(Tags.of("version", rs.version(), "hash", rs.hash()), 1)))
                .orElse(List.of()), true);
    }
}
