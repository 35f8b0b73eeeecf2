package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

/** A case-path row that held; rules/case-path.drl keeps the heaviest. */
public final class CasePathOption {
    private final CasePath path;
    private final String rule;
    private int firstContactWithinDays;
    private int reviewEveryDays;
    private String leadSpecialist;

    public CasePathOption(CasePath path, String rule) {
        this.path = path;
        this.rule = rule;
    }

    /** Called from a case-path row's action. */
    public static CasePathOption of(String code, RuleContext context) {
        return new CasePathOption(CasePath.valueOf(code), context.getRule().getName());
    }

    public CasePath getPath() { return path; }
    public String getCode() { return path.name(); }
    public String getRule() { return rule; }
    public int getRank() { return path.ordinal(); }
    public int getFirstContactWithinDays() { return firstContactWithinDays; }
    public void setFirstContactWithinDays(int days) { this.firstContactWithinDays = days; }
    public int getReviewEveryDays() { return reviewEveryDays; }
    public void setReviewEveryDays(int days) { this.reviewEveryDays = days; }
    public String getLeadSpecialist() { return leadSpecialist; }
    public void setLeadSpecialist(String leadSpecialist) { this.leadSpecialist = leadSpecialist; }
}
