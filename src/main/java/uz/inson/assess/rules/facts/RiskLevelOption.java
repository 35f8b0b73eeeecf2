package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A risk-levels row that held; rules/risk.drl keeps the heaviest. */
public record RiskLevelOption(RiskLevel level, String rule) {

    /** Called from a risk-levels row's action. */
    public static RiskLevelOption of(String level, RuleContext context) {
        return new RiskLevelOption(RiskLevel.valueOf(level), context.getRule().getName());
    }

    public int getRank() { return level.ordinal(); }
    public String getRule() { return rule; }
}
