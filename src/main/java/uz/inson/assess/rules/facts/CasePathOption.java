package uz.inson.assess.rules.facts;

import org.kie.api.runtime.rule.RuleContext;

import java.util.List;

/** A case-path row that held; rules/case-path.drl keeps the heaviest. */
public final class CasePathOption {
    /** From light to heavy. */
    public static final List<String> PATHS = List.of("INFORMATION_ONLY", "STANDARD_CASE", "INTENSIVE_CASE", "URGENT_CRISIS");

    private final String code;
    private final String rule;
    private int firstContactWithinDays;
    private int reviewEveryDays;
    private String leadSpecialist;

    public CasePathOption(String code, String rule) {
        if (!PATHS.contains(code)) {
            throw new IllegalArgumentException("Unknown case path " + code + " in " + rule);
        }
        this.code = code;
        this.rule = rule;
    }

    /** Called from a case-path row's action. */
    public static CasePathOption of(String code, RuleContext context) {
        return new CasePathOption(code, context.getRule().getName());
    }

    public String getCode() { return code; }
    public String getRule() { return rule; }
    public int getRank() { return PATHS.indexOf(code); }
    public int getFirstContactWithinDays() { return firstContactWithinDays; }
    public void setFirstContactWithinDays(int days) { this.firstContactWithinDays = days; }
    public int getReviewEveryDays() { return reviewEveryDays; }
    public void setReviewEveryDays(int days) { this.reviewEveryDays = days; }
    public String getLeadSpecialist() { return leadSpecialist; }
    public void setLeadSpecialist(String leadSpecialist) { this.leadSpecialist = leadSpecialist; }
}
