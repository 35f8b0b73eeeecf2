package uz.inson.assess.rules.facts;

/** A problem counted once for the household: the strongest row that found it, and the member it concerns, if any. */
public record RiskFactor(String code, int points, NeedArea area, String memberRef, String rule) {
}
