package uz.inson.assess.assessment;

import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.catalog.BeneficiaryUnit;
import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.Frequency;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Member;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.CashShare;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.MeansTestHit;
import uz.inson.assess.rules.facts.MeansTestOutcome;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.NeedHit;
import uz.inson.assess.rules.facts.NeedLevel;
import uz.inson.assess.rules.facts.Parameter;
import uz.inson.assess.rules.facts.PersonProfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a household through a compiled rule set and turns what the rules found into a {@link Decision}: needs by area,
 * the services after the means test, exclusivity and what the family already receives, one cash package under the
 * policy cap, and the questions that would settle what was not given. Wording is {@link AnswerWriter}'s job.
 */
@ApplicationScoped
public class AssessmentEngine {
    /** Parameters the indicators cannot do without; when one has no value on asOf nothing can be assessed. */
    private static final List<String> REQUIRED = List.of("MSL", "POVERTY_RISK_MSL_MULTIPLIER", "ADULT_AGE", "PENSION_AGE_MEN",
            "PENSION_AGE_WOMEN", "CARE_ASSESSMENT_AGE", "BARTHEL_HIGH_DEPENDENCY_MAX", "BARTHEL_MODERATE_DEPENDENCY_MAX",
            "LAWTON_DEPENDENCY_MAX", "LAND_PLOT_LIMIT_SQM", "LIVESTOCK_LIMIT_HEADS");
    /** The monthly cash of the package may not exceed this many subsistence levels per member. */
    static final String CAP = "PACKAGE_MONTHLY_CAP_MSL";

    private final AnswerWriter writer;

    AssessmentEngine(AnswerWriter writer) {
        this.writer = writer;
    }

    /** The assessment in words, as the API answers it (without id and time, which the service adds). */
    public AssessmentResult assess(CompiledRuleSet ruleSet, Household household, LocalDate asOf, Language language, boolean nearMisses) {
        return writer.write(decide(ruleSet, household, asOf), language, nearMisses);
    }

    @Timed(value = "inson.engine", histogram = true, description = "The rules alone: a household's decision, before sentences and storage")
    public Decision decide(CompiledRuleSet ruleSet, Household household, LocalDate asOf) {
        return decide(ruleSet, household, asOf, true);
    }

    /**
     * The decision without the questions that would settle what was not given: impact analysis and batch decisions
     * answer none of them, and finding them is about a sixth of a decision.
     */
    @Timed(value = "inson.engine", histogram = true, description = "The rules alone: a household's decision, before sentences and storage")
    public Decision decideWithoutQuestions(CompiledRuleSet ruleSet, Household household, LocalDate asOf) {
        return decide(ruleSet, household, asOf, false);
    }

    private Decision decide(CompiledRuleSet ruleSet, Household household, LocalDate asOf, boolean withQuestions) {
        checkReceives(ruleSet, household);
        RuleOutcome outcome = evaluate(ruleSet, household, asOf);
        Set<String> receives = outcome.household().getReceives();
        List<String> members = household.members().stream().map(Member::ref).toList();

        Map<String, List<Grant>> byService = new LinkedHashMap<>();
        List<Grant> onUnknownFacts = new ArrayList<>();
        for (Grant grant : outcome.grants()) {
            (restsOnUnknownFact(ruleSet, outcome, grant) ? onUnknownFacts : byService.computeIfAbsent(grant.serviceCode(), code -> new ArrayList<>()))
                    .add(grant);
        }
        Decision.MeansTest meansTest = meansTest(ruleSet, outcome, byService);
        meansTest.withheld().forEach(byService::remove);

        List<Decision.Recommendation> recommendations = new ArrayList<>();
        byService.forEach((code, grants) -> recommendations.add(recommend(ruleSet, outcome, grants, members, receives, meansTest)));
        List<Decision.Recommendation> paid = exclusive(recommendations, asOf.getMonthValue());
        paid.sort(Comparator.comparing((Decision.Recommendation r) -> !r.service().isCash())
                .thenComparing(r -> r.amountUzs() == null ? 0 : -r.amountUzs()).thenComparing(Decision.Recommendation::code));

        Set<String> granted = new LinkedHashSet<>();
        recommendations.forEach(r -> granted.add(r.code()));
        List<Decision.Question> questions = withQuestions ? QuestionFinder.find(ruleSet, outcome, granted, onUnknownFacts, meansTest) : List.of();
        List<CatalogService> open = ruleSet.catalog().openToAll().stream().filter(s -> !granted.contains(s.code())).toList();
        return new Decision(ruleSet, asOf, outcome, needs(outcome), outcome.risk(), outcome.casePath().option(), List.copyOf(paid),
                cashPackage(ruleSet, outcome, paid, asOf), meansTest, questions, open);
    }

    /** A code of {@code receives} that the catalogue does not know would be silently ignored: refused instead, by its index. */
    private static void checkReceives(CompiledRuleSet ruleSet, Household household) {
        List<Violation> unknown = new ArrayList<>();
        List<String> codes = household.receives().stream().sorted().toList();
        for (String code : codes) {
            if (ruleSet.catalog().find(code).isEmpty()) {
                unknown.add(new Violation("household.receives", "'" + code + "' is not a service of the catalogue of rule set " + ruleSet.version()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
    }

    /** Runs the rules; a household they reach no conclusion for (no parameters in force on asOf) is a 422. */
    private static RuleOutcome evaluate(CompiledRuleSet ruleSet, Household household, LocalDate asOf) {
        RuleOutcome outcome = ruleSet.evaluate(household, asOf);
        if (outcome.household() == null || outcome.risk() == null || outcome.casePath() == null) {
            List<String> missing = REQUIRED.stream().filter(name -> outcome.parameter(name).isEmpty()).toList();
            throw new ProblemException(422, "no-parameters-in-force", missing.isEmpty()
                    ? "The rule set " + ruleSet.version() + " reached no risk level or case path for this household"
                    : "The rule set " + ruleSet.version() + " has no value on " + asOf + " for " + String.join(", ", missing),
                    List.of(new Violation("asOf", "no parameter values in force on " + asOf)));
        }
        return outcome;
    }

    /** A grant whose row reads a fact the request did not give (for its member) is not granted: it becomes a question. */
    private static boolean restsOnUnknownFact(CompiledRuleSet ruleSet, RuleOutcome outcome, Grant grant) {
        List<Criterion> optionalFacts = ruleSet.row(grant.rule()).optionalFacts();
        if (optionalFacts.isEmpty()) {
            return false;
        }
        Criterion.Subject subject = subject(outcome, grant.memberRef());
        for (Criterion criterion : optionalFacts) {
            if (criterion.appliesTo(subject) && criterion.isUnknown(subject)) {
                return true;
            }
        }
        return false;
    }

    static Criterion.Subject subject(RuleOutcome outcome, String memberRef) {
        PersonProfile person = memberRef == null ? null : outcome.people().get(memberRef);
        return new Criterion.Subject(outcome.household(), person, outcome.risk(), outcome.needs());
    }

    /**
     * The proxy means test: a row finding assets that exclude means-tested cash wins, then unknown assets (the cash waits
     * for them), then income to verify. Means-tested cash is withheld when excluded or unknown.
     */
    private static Decision.MeansTest meansTest(CompiledRuleSet ruleSet, RuleOutcome outcome, Map<String, List<Grant>> byService) {
        List<MeansTestHit> hits = outcome.meansTest();
        Decision.MeansTest.Outcome result;
        if (hits.stream().anyMatch(h -> h.outcome() == MeansTestOutcome.EXCLUDES_CASH)) {
            result = Decision.MeansTest.Outcome.EXCLUDED;
        } else if (!outcome.household().isAssetsKnown()) {
            result = Decision.MeansTest.Outcome.UNKNOWN;
        } else if (!hits.isEmpty()) {
            result = Decision.MeansTest.Outcome.TO_VERIFY;
        } else {
            result = Decision.MeansTest.Outcome.PASSED;
        }
        List<String> withheld = new ArrayList<>();
        if (result == Decision.MeansTest.Outcome.EXCLUDED || result == Decision.MeansTest.Outcome.UNKNOWN) {
            byService.keySet().stream().map(code -> ruleSet.catalog().find(code).orElseThrow())
                    .filter(s -> s.isCash() && s.meansTested()).map(CatalogService::code).forEach(withheld::add);
        }
        return new Decision.MeansTest(result, hits, List.copyOf(withheld));
    }

    private static Decision.Recommendation recommend(CompiledRuleSet ruleSet, RuleOutcome outcome, List<Grant> grants, List<String> members,
                                                     Set<String> receives, Decision.MeansTest meansTest) {
        CatalogService service = ruleSet.catalog().find(grants.get(0).serviceCode()).orElseThrow();
        Set<NeedArea> answers = EnumSet.noneOf(NeedArea.class);
        boolean entitlement = false;
        for (Grant grant : grants) {
            CompiledRuleSet.TracedRow row = ruleSet.row(grant.rule());
            entitlement |= row.entitlement();
            for (String area : row.answers()) {
                if (outcome.needs().getAreas().contains(area)) {
                    answers.add(NeedArea.valueOf(area));
                }
            }
        }
        List<String> beneficiaries = beneficiaries(service, grants, members);
        Decision.Share share = null;
        Long amount = null;
        if (service.isCash()) {
            int units = service.unit() == BeneficiaryUnit.MEMBER ? beneficiaries.size() : 1;
            double base = outcome.parameter(service.amountParameter()).orElse(0.0) * units;
            if (service.meansTested() && !outcome.cashShares().isEmpty()) {
                CashShare lowest = outcome.cashShares().stream().min(Comparator.comparing(CashShare::percent)).orElseThrow();
                share = new Decision.Share(lowest.percent(), lowest.rule());
                base = base * lowest.percent() / 100;
            }
            amount = Math.round(base);
        }
        boolean verify = service.isCash() && service.meansTested() && meansTest.outcome() == Decision.MeansTest.Outcome.TO_VERIFY;
        return new Decision.Recommendation(service, List.copyOf(grants), beneficiaries, answers, entitlement, amount, share,
                receives.contains(service.code()), verify, List.of());
    }

    /** Who a service goes to, in the household's order: everyone for a household service, else the members its rows matched. */
    private static List<String> beneficiaries(CatalogService service, List<Grant> grants, List<String> members) {
        // by hand rather than streams and a set of the grants' members: a service has a grant or two, and what a decision
        // allocates slows the rule run beside it (docs/performance-history.md)
        if (service.unit() == BeneficiaryUnit.HOUSEHOLD) {
            return members;
        }
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i).memberRef() == null) {
                return members;
            }
        }
        List<String> matched = new ArrayList<>(grants.size());
        for (String member : members) {
            for (int i = 0; i < grants.size(); i++) {
                if (member.equals(grants.get(i).memberRef())) {
                    matched.add(member);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(matched);
    }

    /**
     * Of the benefits of one exclusive group only one is paid to a person (for members' own benefits) or to the household
     * (where a household benefit takes part): the one the family already receives, else one paid in the case date's
     * month (heating aid in winter, not in July), else the lowest rank. A benefit that wins for nobody leaves the list;
     * the winner says what it is paid instead of.
     */
    private static List<Decision.Recommendation> exclusive(List<Decision.Recommendation> recommendations, int month) {
        Map<String, List<Decision.Recommendation>> groups = new LinkedHashMap<>();
        recommendations.stream().filter(r -> r.service().exclusiveGroup() != null)
                .forEach(r -> groups.computeIfAbsent(r.service().exclusiveGroup(), g -> new ArrayList<>()).add(r));
        if (groups.values().stream().allMatch(group -> group.size() < 2)) {
            return new ArrayList<>(recommendations); // most households: nothing to choose between
        }
        Comparator<Decision.Recommendation> preference = Comparator.comparing((Decision.Recommendation r) -> !r.alreadyReceived())
                .thenComparing(r -> r.service().frequency() == Frequency.SEASONAL && !r.service().paidMonthlyIn(month))
                .thenComparing(r -> r.service().exclusiveRank()).thenComparing(Decision.Recommendation::code);
        Map<Decision.Recommendation, Decision.Recommendation> replaced = new java.util.IdentityHashMap<>();
        for (List<Decision.Recommendation> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            boolean perMember = group.stream().allMatch(r -> r.service().unit() == BeneficiaryUnit.MEMBER);
            Map<Decision.Recommendation, List<String>> kept = new java.util.IdentityHashMap<>();
            Map<Decision.Recommendation, Set<String>> beaten = new java.util.IdentityHashMap<>();
            if (perMember) {
                Set<String> people = new LinkedHashSet<>();
                group.forEach(r -> people.addAll(r.beneficiaries()));
                for (String person : people) {
                    List<Decision.Recommendation> contenders = group.stream().filter(r -> r.beneficiaries().contains(person)).toList();
                    Decision.Recommendation winner = contenders.stream().min(preference).orElseThrow();
                    kept.computeIfAbsent(winner, w -> new ArrayList<>()).add(person);
                    contenders.stream().filter(r -> r != winner).forEach(r -> beaten.computeIfAbsent(winner, w -> new java.util.TreeSet<>()).add(r.code()));
                }
            } else {
                Decision.Recommendation winner = group.stream().min(preference).orElseThrow();
                kept.put(winner, winner.beneficiaries());
                group.stream().filter(r -> r != winner).forEach(r -> beaten.computeIfAbsent(winner, w -> new java.util.TreeSet<>()).add(r.code()));
            }
            for (Decision.Recommendation r : group) {
                List<String> beneficiaries = kept.get(r);
                if (beneficiaries == null) {
                    replaced.put(r, null);
                } else {
                    Long amount = r.amountUzs() == null || beneficiaries.size() == r.beneficiaries().size() ? r.amountUzs()
                            : r.amountUzs() / r.beneficiaries().size() * beneficiaries.size();
                    List<Grant> grants = r.grants().stream().filter(g -> g.memberRef() == null || beneficiaries.contains(g.memberRef())).toList();
                    replaced.put(r, new Decision.Recommendation(r.service(), grants, List.copyOf(beneficiaries), r.answersNeeds(),
                            r.entitlement(), amount, r.share(), r.alreadyReceived(), r.verifyIncome(),
                            List.copyOf(beaten.getOrDefault(r, Set.of()))));
                }
            }
        }
        List<Decision.Recommendation> result = new ArrayList<>();
        for (Decision.Recommendation r : recommendations) {
            Decision.Recommendation now = replaced.containsKey(r) ? replaced.get(r) : r;
            if (now != null) {
                result.add(now);
            }
        }
        return result;
    }

    /**
     * Monthly (and seasonal, in season), one-off and yearly cash of what is new to the family; what it already receives
     * counts against the cap (PACKAGE_MONTHLY_CAP_MSL × MSL × members) but not in the package.
     */
    private static Decision.CashPackage cashPackage(CompiledRuleSet ruleSet, RuleOutcome outcome, List<Decision.Recommendation> paid, LocalDate asOf) {
        int month = asOf.getMonthValue();
        long monthly = 0;
        long oneOff = 0;
        long yearly = 0;
        long received = 0;
        Map<String, Long> byMember = new TreeMap<>();
        Set<String> counted = new java.util.HashSet<>();
        for (Decision.Recommendation r : paid) {
            CatalogService service = r.service();
            if (!service.isCash() || r.amountUzs() == null) {
                continue;
            }
            if (r.alreadyReceived()) {
                counted.add(service.code());
                received += service.paidMonthlyIn(month) ? r.amountUzs() : 0;
            } else if (service.paidMonthlyIn(month)) {
                monthly += r.amountUzs();
                if (service.unit() == BeneficiaryUnit.MEMBER && !r.beneficiaries().isEmpty()) {
                    long each = r.amountUzs() / r.beneficiaries().size();
                    r.beneficiaries().forEach(ref -> byMember.merge(ref, each, Long::sum));
                }
            } else if (service.frequency() == Frequency.ONE_OFF) {
                oneOff += r.amountUzs();
            } else if (service.frequency() == Frequency.YEARLY) {
                yearly += r.amountUzs();
            }
        }
        for (String code : outcome.household().getReceives()) {
            CatalogService service = ruleSet.catalog().find(code).orElseThrow();
            if (!counted.contains(code) && service.isCash() && service.paidMonthlyIn(month)) {
                received += Math.round(outcome.parameter(service.amountParameter()).orElse(0.0));
            }
        }
        Decision.Cap cap = null;
        Parameter capParameter = outcome.parameters().get(CAP);
        if (capParameter != null) {
            long limit = Math.round(capParameter.getValue() * outcome.household().getMsl() * outcome.household().getSize());
            if (monthly + received > limit) {
                long allowed = Math.max(0, limit - received);
                cap = new Decision.Cap(CAP, capParameter.getRule(), limit, monthly);
                double scale = monthly == 0 ? 0 : allowed / (double) monthly;
                byMember.replaceAll((ref, amount) -> (long) Math.floor(amount * scale));
                monthly = allowed;
            }
        }
        Map<String, Long> members = new LinkedHashMap<>();
        outcome.people().keySet().stream().filter(byMember::containsKey).forEach(ref -> members.put(ref, byMember.get(ref)));
        return new Decision.CashPackage(monthly, oneOff, yearly, members, received, cap);
    }

    /** Needs grouped by area of life, each at the highest level found, with the members concerned in the household's order. */
    private static List<Decision.Need> needs(RuleOutcome outcome) {
        Map<NeedArea, List<NeedHit>> byArea = new EnumMap<>(NeedArea.class);
        outcome.needHits().forEach(hit -> byArea.computeIfAbsent(hit.getArea(), a -> new ArrayList<>()).add(hit));
        List<Decision.Need> needs = new ArrayList<>();
        byArea.forEach((area, hits) -> {
            NeedLevel level = NeedLevel.MODERATE;
            for (NeedHit hit : hits) {
                level = hit.getLevel().compareTo(level) > 0 ? hit.getLevel() : level;
            }
            List<String> concerned = new ArrayList<>();
            for (String ref : outcome.people().keySet()) {
                for (NeedHit hit : hits) {
                    if (ref.equals(hit.getMemberRef())) {
                        concerned.add(ref);
                        break;
                    }
                }
            }
            needs.add(new Decision.Need(area, level, List.copyOf(concerned), List.copyOf(hits)));
        });
        needs.sort(Comparator.comparing((Decision.Need n) -> n.level()).reversed().thenComparing(Decision.Need::area));
        return needs;
    }
}
