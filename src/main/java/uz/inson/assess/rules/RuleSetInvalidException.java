package uz.inson.assess.rules;

import java.util.List;

/** A bundle that does not compile or does not hang together; it never becomes active. */
public class RuleSetInvalidException extends Exception {
    private final List<RuleSetProblem> problems;

    public RuleSetInvalidException(List<RuleSetProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().limit(5).map(RuleSetProblem::toString).toList());
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
