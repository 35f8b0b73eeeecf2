package uz.inson.assess.assessment;

import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.CasePathOption;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.MeansTestHit;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.NeedHit;
import uz.inson.assess.rules.facts.NeedLevel;
import uz.inson.assess.rules.facts.RiskAssessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rules decide for one household, before any wording: its needs by area of life, risk level, case path, the
 * services it gets after the means test and exclusivity, one cash package, and what to ask next. No id, time or
 * language: {@link AnswerWriter} words it, the service stores it, impact analysis compares it.
 */
public record Decision(CompiledRuleSet ruleSet, LocalDate asOf, RuleOutcome outcome, List<Need> needs, RiskAssessment risk,
                       CasePathOption casePath, List<Recommendation> recommendations, CashPackage cashPackage, MeansTest meansTest,
                       List<Question> questions, List<CatalogService> openServices) {

    /** The household's needs in one area: the highest level found there, the members concerned, the rows that found them. */
    public record Need(NeedArea area, NeedLevel level, List<String> members, List<NeedHit> hits) {
    }

    /**
     * A service the household gets: for whom, which needs it answers (or that it is an entitlement), and for cash the
     * amount per its frequency after a borderline share.
     */
    public record Recommendation(CatalogService service, List<Grant> grants, List<String> beneficiaries, Set<NeedArea> answersNeeds,
                                 boolean entitlement, Long amountUzs, Share share, boolean alreadyReceived, boolean verifyIncome,
                                 List<String> paidInsteadOf) {
        public String code() {
            return service.code();
        }
    }

    /** A borderline family's share of a means-tested benefit, and the row of the cash-share table that set it. */
    public record Share(int percent, String rule) {
    }

    /** Cash by frequency, after exclusivity, shares and what the household already receives; per member where the benefit is a member's. */
    public record CashPackage(long monthlyCashUzs, long oneOffCashUzs, long yearlyCashUzs, Map<String, Long> byMember,
                              long alreadyReceivedMonthlyUzs, Cap cappedBy) {
    }

    /** The policy limit that cut the monthly total: the parameter, its row and the limit it gave. */
    public record Cap(String parameter, String rule, long limitUzs, long beforeCapUzs) {
    }

    /** The proxy means test: its outcome, the rows that led to it, and the means-tested cash it held back. */
    public record MeansTest(Outcome outcome, List<MeansTestHit> hits, List<String> withheld) {
        public enum Outcome { PASSED, TO_VERIFY, EXCLUDED, UNKNOWN }
    }

    /** A fact the case worker should ask about, for a member or the household, and the services the answer could add. */
    public record Question(Criterion.Fact fact, String memberRef, String path, List<String> couldAdd) {
    }

    public Set<String> serviceCodes() {
        return recommendations.stream().map(Recommendation::code).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public String riskLevel() {
        return risk.getLevel();
    }

    public String casePathCode() {
        return casePath.getCode();
    }

    public long monthlyCashUzs() {
        return cashPackage.monthlyCashUzs();
    }
}
