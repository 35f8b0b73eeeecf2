package uz.inson.assess.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.CasePathOption;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.MeansTestHit;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.NeedHit;
import uz.inson.assess.rules.facts.PersonProfile;
import uz.inson.assess.rules.facts.RiskFactor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one mapper from a {@link Decision} to the answer in a language: every need, factor, path and service with the
 * sentence a case worker reads aloud and the table row it came from. Nothing here decides anything.
 */
@ApplicationScoped
public class AnswerWriter {

    public AssessmentResult write(Decision decision, Language language, boolean nearMisses) {
        return write(decision, language, nearMisses, false);
    }

    public AssessmentResult write(Decision decision, Language language, boolean nearMisses, boolean openServices) {
        return write(decision, language, nearMisses, openServices, true);
    }

    /**
     * Without {@code caseDetail}, the answer an integrating system is shown ({@link AssessmentResult#withoutCaseDetail()}):
     * the needs, risk factors, derived figures and near misses it would not be shown are not put into words either.
     */
    public AssessmentResult write(Decision decision, Language language, boolean nearMisses, boolean openServices, boolean caseDetail) {
        CompiledRuleSet ruleSet = decision.ruleSet();
        RuleOutcome outcome = decision.outcome();
        Words words = new Words(ruleSet, outcome, language, new MemberNames(outcome.people().values(), language), new HashMap<>(),
                new StringBuilder(256));
        return new AssessmentResult(null, null, decision.asOf(), language.name(),
                new AssessmentResult.RuleSetRef(ruleSet.id(), ruleSet.version(), ruleSet.hash()),
                caseDetail ? derived(outcome) : null,
                caseDetail ? decision.needs().stream().map(need -> need(need, words)).toList() : null,
                decision.riskLevel(), decision.risk().score(),
                caseDetail ? outcome.riskFactors().stream().map(factor -> riskFactor(factor, words)).toList() : null,
                casePath(decision.casePath(), words),
                decision.recommendations().stream().map(r -> service(r, decision, words)).toList(),
                cashPackage(decision, words),
                meansTest(decision.meansTest(), words),
                decision.questions().stream().map(q -> question(q, words)).toList(),
                openServices ? decision.openServices().stream().map(s -> new AssessmentResult.OpenService(s.code(), s.name(language),
                        s.category().name(), howToApply(ruleSet, s, language))).toList() : null,
                nearMisses && caseDetail ? NearMissFinder.find(ruleSet, outcome, decision.serviceCodes(), language) : null);
    }

    /**
     * What a sentence needs: the rule set's tables and catalogue, the household's facts, the language, the members' names,
     * the rows already explained (a needs row is read again as the risk factor it gives), and where a row's reason is
     * put together (one for the answer's twenty or so).
     */
    private record Words(CompiledRuleSet ruleSet, RuleOutcome outcome, Language language, MemberNames names,
                         Map<String, AssessmentResult.Reason> explained, StringBuilder sentence) {
        /** The row {@code rule} explained for its member (or the household). */
        AssessmentResult.Reason reason(String rule, String memberRef) {
            return explained.computeIfAbsent(memberRef == null ? rule : rule + '\n' + memberRef, key -> {
                CompiledRuleSet.TracedRow row = ruleSet.row(rule);
                Criterion.Subject subject = AssessmentEngine.subject(outcome, memberRef);
                String text = Explainer.explain(sentence, row, subject, names, ruleSet.catalog());
                return new AssessmentResult.Reason(text, row.source());
            });
        }

        String format(String key, Object... args) {
            return Messages.format(language, key, args);
        }

    }

    private static AssessmentResult.Derived derived(RuleOutcome outcome) {
        HouseholdProfile profile = outcome.household();
        return new AssessmentResult.Derived(profile.getSize(), profile.getChildrenCount(), profile.getAbleToWorkCount(),
                profile.getMonthlyIncome(), profile.getPerCapitaIncome(), profile.getPerCapitaNetIncome(), profile.getDependencyRatio(),
                profile.getMsl(), profile.getRegistryCategory(),
                outcome.people().values().stream().map(p -> new AssessmentResult.MemberIndicators(p.getRef(), p.getAge(), p.isAbleToWork(),
                        p.isPensionAge(), p.getCareDependency())).toList());
    }

    private static AssessmentResult.NeedResult need(Decision.Need need, Words words) {
        List<AssessmentResult.Reason> reasons = new ArrayList<>(need.hits().size());
        for (NeedHit hit : need.hits()) {
            addNew(reasons, words.reason(hit.getRule(), hit.getMemberRef()));
        }
        return new AssessmentResult.NeedResult(need.area().name(), words.format("area." + need.area()), need.level().name(), need.members(),
                List.copyOf(reasons));
    }

    private static AssessmentResult.RiskFactorResult riskFactor(RiskFactor factor, Words words) {
        CompiledRuleSet.TracedRow row = words.ruleSet().row(factor.rule());
        String label = Messages.has(words.language(), "factor." + factor.code()) ? words.format("factor." + factor.code()) : factor.code();
        String why = Explainer.clause(words.reason(factor.rule(), factor.memberRef()).text());
        // "Жильё в плохом состоянии (+8 баллов): жильё в плохом состоянии." says the same thing twice: once is enough
        String reason = why.equalsIgnoreCase(label) ? words.format("risk.factor.alone", label, factor.points())
                : words.format("risk.factor", label, factor.points(), why);
        return new AssessmentResult.RiskFactorResult(factor.code(), label, factor.points(), factor.area().name(), reason, row.source());
    }

    private static AssessmentResult.CasePathResult casePath(CasePathOption option, Words words) {
        CompiledRuleSet.TracedRow row = words.ruleSet().row(option.getRule());
        String why = words.reason(option.getRule(), null).text();
        String reason = words.format("path.reason", Messages.value(words.language(), option.getCode()), Explainer.clause(why),
                option.getFirstContactWithinDays(), option.getReviewEveryDays(), Messages.value(words.language(), option.getLeadSpecialist()));
        return new AssessmentResult.CasePathResult(option.getCode(), option.getFirstContactWithinDays(), option.getReviewEveryDays(),
                option.getLeadSpecialist(), reason, row.source());
    }

    private static AssessmentResult.EligibleService service(Decision.Recommendation r, Decision decision, Words words) {
        CatalogService service = r.service();
        Language language = words.language();
        // a list, not a set: a service has a reason or three, and what a full answer allocates slows the rule run beside
        // it (docs/performance-history.md)
        List<AssessmentResult.Reason> reasons = new ArrayList<>(r.grants().size() + 2);
        for (Grant grant : r.grants()) {
            addNew(reasons, words.reason(grant.rule(), grant.memberRef()));
        }
        if (r.share() != null) {
            CompiledRuleSet.TracedRow row = words.ruleSet().row(r.share().rule());
            addNew(reasons, new AssessmentResult.Reason(words.format("service.share", r.share().percent(),
                    decision.outcome().household().getPerCapitaIncome(), decision.outcome().household().getMsl()), row.source()));
        }
        if (r.verifyIncome()) {
            for (MeansTestHit hit : decision.meansTest().hits()) {
                addNew(reasons, new AssessmentResult.Reason(words.format("service.verify", Explainer.clause(words.reason(hit.rule(), null).text())),
                        words.ruleSet().row(hit.rule()).source()));
            }
        }
        if (!r.paidInsteadOf().isEmpty()) {
            addNew(reasons, new AssessmentResult.Reason(words.format("service.instead", names(r.paidInsteadOf(), words)), catalogSource(service)));
        }
        if (r.alreadyReceived()) {
            addNew(reasons, new AssessmentResult.Reason(words.format("service.received"), "household.receives"));
        }
        if (service.placement()) {
            addNew(reasons, new AssessmentResult.Reason(words.format("service.placement"), catalogSource(service)));
        }
        List<String> answersNeeds = new ArrayList<>(r.answersNeeds().size());
        for (NeedArea area : r.answersNeeds()) {
            answersNeeds.add(area.name());
        }
        return new AssessmentResult.EligibleService(service.code(), service.name(language), service.category().name(), service.kind().name(),
                r.beneficiaries(), r.amountUzs(), service.frequency().name(), Collections.unmodifiableList(answersNeeds),
                r.entitlement(), service.exclusiveGroup(), r.alreadyReceived(), List.copyOf(reasons),
                howToApply(words.ruleSet(), service, language),
                service.legalBasis(language), service.provider(language));
    }

    /** The reason, unless the service already has it (two grants of one row for one member read the same). */
    private static void addNew(List<AssessmentResult.Reason> reasons, AssessmentResult.Reason reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private static String catalogSource(CatalogService service) {
        return "catalog.xlsx!Services!" + service.code();
    }

    /** How to apply for a service depends on the service and the language alone: worked out once per version. */
    private static final class HowToApplyTexts {
        private final Map<Language, Map<String, AssessmentResult.HowToApply>> texts = new EnumMap<>(Language.class);

        HowToApplyTexts() {
            for (Language language : Language.values()) {
                texts.put(language, new ConcurrentHashMap<>());
            }
        }

        AssessmentResult.HowToApply of(CatalogService service, Language language) {
            return texts.get(language).computeIfAbsent(service.code(), code -> howToApply(service, language));
        }
    }

    private static AssessmentResult.HowToApply howToApply(CompiledRuleSet ruleSet, CatalogService service, Language language) {
        return ruleSet.derived(HowToApplyTexts.class, rs -> new HowToApplyTexts()).of(service, language);
    }

    public static AssessmentResult.HowToApply howToApply(CatalogService service, Language language) {
        List<String> documents = service.documents().stream().map(Enum::name).toList();
        String place = Messages.format(language, "applyAt." + service.applyAt());
        String bring = service.documents().stream().map(d -> Messages.format(language, "document." + d))
                .collect(java.util.stream.Collectors.joining(", "));
        String text = service.automatic() ? Messages.format(language, "apply.automatic", place)
                : documents.isEmpty() ? Messages.format(language, "apply.nothing", place) : Messages.format(language, "apply.bring", place, bring);
        return new AssessmentResult.HowToApply(service.applyAt().name(), documents, service.automatic(), text);
    }

    private static AssessmentResult.CashPackageResult cashPackage(Decision decision, Words words) {
        Decision.CashPackage cash = decision.cashPackage();
        AssessmentResult.Cap cap = null;
        if (cash.cappedBy() != null) {
            HouseholdProfile household = decision.outcome().household();
            double multiplier = decision.outcome().parameter(cash.cappedBy().parameter()).orElse(0.0);
            cap = new AssessmentResult.Cap(cash.cappedBy().parameter(), cash.cappedBy().limitUzs(), cash.cappedBy().beforeCapUzs(),
                    words.format("package.capped", cash.cappedBy().limitUzs(), multiplier, household.getMsl(), household.getSize(),
                            cash.cappedBy().beforeCapUzs()),
                    words.ruleSet().row(cash.cappedBy().rule()).source());
        }
        return new AssessmentResult.CashPackageResult(cash.monthlyCashUzs(), cash.oneOffCashUzs(), cash.yearlyCashUzs(), cash.byMember(),
                cash.alreadyReceivedMonthlyUzs(), cap);
    }

    private static AssessmentResult.MeansTestResult meansTest(Decision.MeansTest test, Words words) {
        List<AssessmentResult.Reason> reasons = new ArrayList<>();
        for (MeansTestHit hit : test.hits()) {
            String why = Explainer.clause(words.reason(hit.rule(), null).text());
            reasons.add(new AssessmentResult.Reason(words.format("means." + hit.outcome(), why), words.ruleSet().row(hit.rule()).source()));
        }
        if (test.outcome() == Decision.MeansTest.Outcome.UNKNOWN) {
            reasons.add(new AssessmentResult.Reason(words.format("means.UNKNOWN"), "household.assets"));
        }
        return new AssessmentResult.MeansTestResult(test.outcome().name(), reasons, test.withheld());
    }

    private static AssessmentResult.QuestionResult question(Decision.Question question, Words words) {
        PersonProfile member = question.memberRef() == null ? null : words.outcome().people().get(question.memberRef());
        String who = member == null ? "" : words.names().name(member);
        String whom = member == null ? "" : words.names().nameAtEnd(member);
        StringBuilder text = words.sentence();
        text.setLength(0);
        Messages.formatTo(text, words.language(), "question." + question.fact(), who, names(question.couldAdd(), words), question.couldAdd().size(),
                null, whom, member == null ? "M" : member.getSex(), member != null && member.isCareAssessmentAge());
        return new AssessmentResult.QuestionResult(Explainer.sentence(text), question.path(), question.memberRef(), question.couldAdd());
    }

    /** "“Hearing aids” and 4 more services": the first service by name, then how many more. */
    private static String names(List<String> codes, Words words) {
        String first = words.ruleSet().catalog().find(codes.get(0)).map(s -> s.name(words.language())).orElse(codes.get(0));
        return words.format("list.services", first, codes.size() - 1);
    }
}
