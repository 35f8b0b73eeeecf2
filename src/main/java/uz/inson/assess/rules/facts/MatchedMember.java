package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A table row matches a member only when it fills a member condition; Drools then drops the pattern otherwise. */
final class MatchedMember {
    private MatchedMember() {
    }

    static String ref(RuleContext context) {
        for (Object fact : context.getMatch().getObjects()) {
            if (fact instanceof PersonProfile person) {
                return person.getRef();
            }
        }
        return null;
    }
}
