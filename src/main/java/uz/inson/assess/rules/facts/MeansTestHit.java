package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A row of the means-test table that held for the household. */
public record MeansTestHit(MeansTestOutcome outcome, String rule) {

    /** Called from a means-test row's action. */
    public static MeansTestHit of(String outcome, RuleContext context) {
        return new MeansTestHit(MeansTestOutcome.valueOf(outcome), context.getRule().getName());
    }
}
