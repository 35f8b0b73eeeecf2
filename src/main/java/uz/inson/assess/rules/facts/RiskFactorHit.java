package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A risk-weights row that held for the household (and, where the row names member conditions, a member). */
public final class RiskFactorHit {
    private final String code;
    private final String memberRef;
    private final String rule;
    private int points;
    private String area;

    public RiskFactorHit(String code, String memberRef, String rule) {
        this.code = code;
        this.memberRef = memberRef;
        this.rule = rule;
    }

    /** Called from a risk-weights row's action. */
    public static RiskFactorHit of(String code, RuleContext context) {
        return new RiskFactorHit(code, MatchedMember.ref(context), context.getRule().getName());
    }

    public String getCode() { return code; }
    public String getMemberRef() { return memberRef; }
    public String getRule() { return rule; }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    /** The area of life the problem belongs to (INCOME, HOUSING, HEALTH, SAFETY, ...); areas are counted for the level. */
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
}
