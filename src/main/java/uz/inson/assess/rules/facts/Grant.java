package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One eligibility row that held: service {@code serviceCode}, for member {@code memberRef} when the row has member
 * conditions, or for the household ({@code memberRef} null) when it has none.
 */
public record Grant(String serviceCode, String memberRef, String rule) {

    /** Called from a table row's action; the matched member, if any, is the beneficiary. */
    public static Grant of(String serviceCode, RuleContext context) {
        return new Grant(serviceCode, MatchedMember.ref(context), context.getRule().getName());
    }
}
