package uz.inson.assess.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a rule set is compiled and active: a load balancer sends no assessments before that. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final ActiveRuleSet active;

    RuleSetReadiness(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("rule-set");
        return active.ifLoaded()
                .map(rs -> builder.up().withData("version", rs.version()).withData("hash", rs.hash()).build())
                // Why a compile failed is in the log; the public body only says that it did, or that there is nothing to run
                .orElseGet(() -> builder.down().withData("state", active.notReadyState()).build());
    }
}
