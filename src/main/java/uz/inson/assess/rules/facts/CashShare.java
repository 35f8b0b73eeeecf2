package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A row of the cash-share table: a borderline family gets this share of every means-tested cash benefit. */
public record CashShare(int percent, String rule) {

    /** Called from a cash-share row's action. */
    public static CashShare of(int percent, RuleContext context) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A share is a percentage from 0 to 100, not " + percent + " (" + context.getRule().getName() + ")");
        }
        return new CashShare(percent, context.getRule().getName());
    }
}
