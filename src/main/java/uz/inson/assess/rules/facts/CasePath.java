package uz.inson.assess.rules.facts;

/** Case-management paths, from light to heavy; the case-paths table offers them (rules/case-path.drl keeps the heaviest). */
public enum CasePath {
    INFORMATION_ONLY, STANDARD_CASE, INTENSIVE_CASE, URGENT_CRISIS
}
