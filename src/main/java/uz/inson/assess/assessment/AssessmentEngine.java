package uz.inson.assess.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.catalog.BeneficiaryUnit;
import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.ServiceKind;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Member;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.CasePathOption;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.RiskFactor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs a household through a compiled rule set and words the outcome: services, risk, case path, each with its reasons. */
@ApplicationScoped
public class AssessmentEngine {
    /** Parameters the indicators cannot do without; when one has no value on asOf nothing can be assessed. */
    private static final List<String> REQUIRED = List.of("MSL", "POVERTY_RISK_MSL_MULTIPLIER", "ADULT_AGE", "PENSION_AGE_MEN", "PENSION_AGE_WOMEN");

    /** What the rules decide, without the sentences: for comparing versions over many households (impact analysis). */
    public record Decision(Set<String> services, String riskLevel, String casePath, long monthlyCashUzs) {
    }

    public Decision decide(CompiledRuleSet ruleSet, Household household, LocalDate asOf) {
        RuleOutcome outcome = evaluate(ruleSet, household, asOf);
        List<String> allMembers = household.members().stream().map(Member::ref).toList();
        Map<String, List<Grant>> byService = grantsByService(outcome);
        long cash = 0;
        for (Map.Entry<String, List<Grant>> grants : byService.entrySet()) {
            CatalogService service = ruleSet.catalog().find(grants.getKey()).orElseThrow();
            Long amount = cashAmount(service, outcome, beneficiaries(service, grants.getValue(), allMembers).size());
            cash += amount == null ? 0 : amount;
        }
        return new Decision(byService.keySet(), outcome.risk().level(), outcome.casePath().option().getCode(), cash);
    }

    public AssessmentResult assess(CompiledRuleSet ruleSet, Household household, LocalDate asOf, Language language, boolean nearMisses) {
        RuleOutcome outcome = evaluate(ruleSet, household, asOf);
        HouseholdProfile profile = outcome.household();
        List<String> allMembers = household.members().stream().map(Member::ref).toList();
        List<AssessmentResult.EligibleService> services = eligibleServices(ruleSet, outcome, allMembers, language);
        Set<String> granted = new LinkedHashSet<>();
        services.forEach(s -> granted.add(s.code()));
        return new AssessmentResult(null, null, asOf, language.name(),
                new AssessmentResult.RuleSetRef(ruleSet.id(), ruleSet.version(), ruleSet.hash()),
                derived(outcome, profile),
                outcome.risk().level(), outcome.risk().score(),
                riskFactors(ruleSet, outcome, language),
                casePath(ruleSet, outcome, language),
                services,
                nearMisses ? NearMissFinder.find(ruleSet, outcome, granted, language) : null);
    }

    /** Runs the rules; a household they reach no conclusion for (no parameters in force on asOf) is a 422. */
    private static RuleOutcome evaluate(CompiledRuleSet ruleSet, Household household, LocalDate asOf) {
        RuleOutcome outcome = ruleSet.evaluate(household, asOf);
        HouseholdProfile profile = outcome.household();
        if (profile == null || outcome.risk() == null || outcome.casePath() == null) {
            List<String> missing = REQUIRED.stream().filter(name -> outcome.parameter(name).isEmpty()).toList();
            throw new ProblemException(422, "no-parameters-in-force", missing.isEmpty()
                    ? "The rule set " + ruleSet.version() + " reached no risk level or case path for this household"
                    : "The rule set " + ruleSet.version() + " has no value on " + asOf + " for " + String.join(", ", missing),
                    List.of(new uz.inson.assess.common.Violation("asOf", "no parameter values in force on " + asOf)));
        }
        return outcome;
    }

    private static AssessmentResult.Derived derived(RuleOutcome outcome, HouseholdProfile profile) {
        return new AssessmentResult.Derived(profile.getSize(), profile.getChildrenCount(), profile.getAbleToWorkCount(),
                profile.getMonthlyIncome(), profile.getPerCapitaIncome(), profile.getPerCapitaNetIncome(), profile.getDependencyRatio(),
                profile.getMsl(), profile.getRegistryCategory(),
                outcome.people().values().stream()
                        .map(p -> new AssessmentResult.MemberIndicators(p.getRef(), p.getAge(), p.isAbleToWork(), p.isPensionAge()))
                        .toList());
    }

    private static List<AssessmentResult.EligibleService> eligibleServices(CompiledRuleSet ruleSet, RuleOutcome outcome,
                                                                          List<String> allMembers, Language language) {
        List<AssessmentResult.EligibleService> services = new ArrayList<>();
        grantsByService(outcome).forEach((code, grants) -> {
            CatalogService service = ruleSet.catalog().find(code).orElseThrow();
            Set<AssessmentResult.Reason> reasons = new LinkedHashSet<>();
            for (Grant grant : grants) {
                CompiledRuleSet.TracedRow row = ruleSet.row(grant.rule());
                Criterion.Subject subject = new Criterion.Subject(outcome.household(),
                        grant.memberRef() == null ? null : outcome.people().get(grant.memberRef()), null);
                reasons.add(new AssessmentResult.Reason(Explainer.explain(row.table(), row.row(), subject, language), row.source()));
            }
            List<String> beneficiaries = beneficiaries(service, grants, allMembers);
            services.add(new AssessmentResult.EligibleService(code, service.name(language), service.category().name(), service.kind().name(),
                    beneficiaries, cashAmount(service, outcome, beneficiaries.size()), List.copyOf(reasons), service.legalBasis(),
                    service.provider()));
        });
        return services;
    }

    private static Map<String, List<Grant>> grantsByService(RuleOutcome outcome) {
        Map<String, List<Grant>> byService = new LinkedHashMap<>();
        for (Grant grant : outcome.grants()) {
            byService.computeIfAbsent(grant.serviceCode(), code -> new ArrayList<>()).add(grant);
        }
        return byService;
    }

    /** Who a service goes to, in the household's order: everyone for a household service or a grant to the household. */
    private static List<String> beneficiaries(CatalogService service, List<Grant> grants, List<String> allMembers) {
        boolean everyone = service.unit() == BeneficiaryUnit.HOUSEHOLD || grants.stream().anyMatch(g -> g.memberRef() == null);
        Set<String> members = grants.stream().map(Grant::memberRef).collect(Collectors.toSet());
        return everyone ? allMembers : allMembers.stream().filter(members::contains).toList();
    }

    /** A cash service's monthly amount: per member for member benefits, once for household ones; null for other kinds. */
    private static Long cashAmount(CatalogService service, RuleOutcome outcome, int beneficiaries) {
        if (service.kind() != ServiceKind.CASH) {
            return null;
        }
        int units = service.unit() == BeneficiaryUnit.MEMBER ? beneficiaries : 1;
        return outcome.parameter(service.amountParameter()).map(value -> Math.round(value * units)).orElse(null);
    }

    private static List<AssessmentResult.RiskFactorResult> riskFactors(CompiledRuleSet ruleSet, RuleOutcome outcome, Language language) {
        List<AssessmentResult.RiskFactorResult> factors = new ArrayList<>();
        for (RiskFactor factor : outcome.riskFactors()) {
            CompiledRuleSet.TracedRow row = ruleSet.row(factor.rule());
            String label = Messages.has(language, "factor." + factor.code()) ? Messages.format(language, "factor." + factor.code()) : factor.code();
            Criterion.Subject subject = new Criterion.Subject(outcome.household(),
                    factor.memberRef() == null ? null : outcome.people().get(factor.memberRef()), null);
            String why = Explainer.explain(row.table(), row.row(), subject, language);
            factors.add(new AssessmentResult.RiskFactorResult(factor.code(), label, factor.points(), factor.area(),
                    Messages.format(language, "risk.factor", label, factor.points(), clause(why)), row.source()));
        }
        return factors;
    }

    /** A sentence to embed after a colon: no capital, no full stop. */
    private static String clause(String sentence) {
        String text = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static AssessmentResult.CasePathResult casePath(CompiledRuleSet ruleSet, RuleOutcome outcome, Language language) {
        CasePathOption option = outcome.casePath().option();
        CompiledRuleSet.TracedRow row = ruleSet.row(option.getRule());
        String why = Explainer.explain(row.table(), row.row(), new Criterion.Subject(outcome.household(), null, outcome.risk()), language);
        String reason = Messages.format(language, "path.reason", Messages.value(language, option.getCode()), clause(why),
                option.getFirstContactWithinDays(), option.getReviewEveryDays(), Messages.value(language, option.getLeadSpecialist()));
        return new AssessmentResult.CasePathResult(option.getCode(), option.getFirstContactWithinDays(), option.getReviewEveryDays(),
                option.getLeadSpecialist(), reason, row.source());
    }
}
