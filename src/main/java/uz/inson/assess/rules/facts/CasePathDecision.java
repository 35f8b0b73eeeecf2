package uz.inson.assess.rules.facts;

/** The case path chosen for the household. */
public record CasePathDecision(CasePathOption option) {
}
