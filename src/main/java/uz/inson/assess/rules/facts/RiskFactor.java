package uz.inson.assess.rules.facts;

/** A risk factor counted once for the household: the strongest row that found it, and the member it concerns, if any. */
public record RiskFactor(String code, int points, String area, String memberRef, String rule) {

    public int getPoints() { return points; }
    public String getArea() { return area; }
    public String getCode() { return code; }
}
