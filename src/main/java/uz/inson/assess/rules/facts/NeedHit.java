package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A row of the needs table that held: a problem {@code code} (a risk factor) in an area of life, for the household or,
 * where the row has member conditions, for one member. Its points order households within a risk level; a red flag
 * makes the level at least HIGH and an immediate danger CRITICAL, as the risk-levels table says.
 */
public final class NeedHit {
    private final String code;
    private final String memberRef;
    private final String rule;
    private NeedArea area;
    private NeedLevel level = NeedLevel.MODERATE;
    private int points;
    private boolean redFlag;
    private boolean immediateDanger;

    public NeedHit(String code, String memberRef, String rule) {
        this.code = code;
        this.memberRef = memberRef;
        this.rule = rule;
    }

    /** Called from a needs row's action. */
    public static NeedHit of(String code, RuleContext context) {
        return new NeedHit(code, MatchedMember.ref(context), context.getRule().getName());
    }

    public String getCode() { return code; }
    public String getMemberRef() { return memberRef; }
    public String getRule() { return rule; }
    public NeedArea getArea() { return area; }
    public void setArea(String area) { this.area = NeedArea.valueOf(area); }
    public NeedLevel getLevel() { return level; }
    public void setLevel(String level) { this.level = NeedLevel.valueOf(level); }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    public boolean isRedFlag() { return redFlag; }
    public void setRedFlag(boolean redFlag) { this.redFlag = redFlag; }
    public boolean isImmediateDanger() { return immediateDanger; }
    public void setImmediateDanger(boolean immediateDanger) { this.immediateDanger = immediateDanger; }
}
