package uz.inson.assess.rules;

import uz.inson.assess.rules.facts.CasePathDecision;
import uz.inson.assess.rules.facts.CashShare;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.MeansTestHit;
import uz.inson.assess.rules.facts.NeedHit;
import uz.inson.assess.rules.facts.NeedSummary;
import uz.inson.assess.rules.facts.Parameter;
import uz.inson.assess.rules.facts.PersonProfile;
import uz.inson.assess.rules.facts.RiskAssessment;
import uz.inson.assess.rules.facts.RiskFactor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one evaluation concluded, sorted so that the same household always reads the same. */
public final class RuleOutcome {
    private HouseholdProfile household;
    private final Map<String, PersonProfile> people = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters;
    private final List<Grant> grants = new ArrayList<>();
    private final List<NeedHit> needHits = new ArrayList<>();
    private final List<MeansTestHit> meansTest = new ArrayList<>();
    private final List<CashShare> cashShares = new ArrayList<>();
    private NeedSummary needs;
    private RiskAssessment risk;
    private CasePathDecision casePath;

    /** {@code parameters}: every parameter in force by name, or null to gather them from the session's facts. */
    RuleOutcome(Collection<?> facts, Map<String, Parameter> parameters) {
        this.parameters = parameters != null ? parameters
                : byName(facts.stream().filter(Parameter.class::isInstance).map(Parameter.class::cast).toList());
        List<PersonProfile> persons = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof Grant grant) {
                grants.add(grant);
            } else if (fact instanceof NeedHit hit) {
                needHits.add(hit);
            } else if (fact instanceof PersonProfile person) {
                persons.add(person);
            } else if (fact instanceof MeansTestHit hit) {
                meansTest.add(hit);
            } else if (fact instanceof CashShare share) {
                cashShares.add(share);
            } else if (fact instanceof HouseholdProfile profile) {
                household = profile;
            } else if (fact instanceof NeedSummary summary) {
                needs = summary;
            } else if (fact instanceof RiskAssessment assessment) {
                risk = assessment;
            } else if (fact instanceof CasePathDecision decision) {
                casePath = decision;
            }
        }
        persons.sort(Comparator.comparing(PersonProfile::getIndex));
        persons.forEach(p -> people.put(p.getRef(), p));
        grants.sort(RuleOutcome::compare);
        needHits.sort(RuleOutcome::compare);
        meansTest.sort(Comparator.comparing(MeansTestHit::rule));
        cashShares.sort(Comparator.comparing(CashShare::rule));
    }

    /** Parameters by name; two rows in force for one name: the rule named first wins. */
    static Map<String, Parameter> byName(List<Parameter> parameters) {
        Map<String, Parameter> byName = new HashMap<>();
        for (Parameter parameter : parameters) {
            byName.merge(parameter.getName(), parameter, (a, b) -> a.getRule().compareTo(b.getRule()) <= 0 ? a : b);
        }
        return byName;
    }

    // One comparison each rather than chained key extractors (with the parameters kept unsorted: 5.7 → 1.3 µs a household).
    private static int compare(Grant a, Grant b) {
        int order = a.serviceCode().compareTo(b.serviceCode());
        if (order == 0) {
            order = a.rule().compareTo(b.rule());
        }
        return order != 0 ? order : compareRefs(a.memberRef(), b.memberRef());
    }

    private static int compare(NeedHit a, NeedHit b) {
        int order = Integer.compare(a.getArea().ordinal(), b.getArea().ordinal());
        if (order == 0) {
            order = a.getRule().compareTo(b.getRule());
        }
        return order != 0 ? order : compareRefs(a.getMemberRef(), b.getMemberRef());
    }

    /** The household (no member) first. */
    private static int compareRefs(String a, String b) {
        return (a == null ? "" : a).compareTo(b == null ? "" : b);
    }

    /** Null when the parameters the indicators need have no value on the case date. */
    public HouseholdProfile household() { return household; }
    /** Members in the order of the request. */
    public Map<String, PersonProfile> people() { return people; }
    public Map<String, Parameter> parameters() { return parameters; }
    public List<Grant> grants() { return grants; }
    public List<NeedHit> needHits() { return needHits; }
    public NeedSummary needs() { return needs; }
    public List<RiskFactor> riskFactors() { return needs == null ? List.of() : needs.factors(); }
    public RiskAssessment risk() { return risk; }
    public CasePathDecision casePath() { return casePath; }
    public List<MeansTestHit> meansTest() { return meansTest; }
    public List<CashShare> cashShares() { return cashShares; }

    /** Parameter value on the case date, if the parameters table has one. */
    public Optional<Double> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).map(Parameter::getValue);
    }
}
