package uz.inson.assess.rules;

import uz.inson.assess.rules.facts.CasePathDecision;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.Parameter;
import uz.inson.assess.rules.facts.PersonProfile;
import uz.inson.assess.rules.facts.RiskAssessment;
import uz.inson.assess.rules.facts.RiskFactor;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one evaluation concluded, sorted so that the same household always reads the same. */
public final class RuleOutcome {
    private final HouseholdProfile household;
    private final Map<String, PersonProfile> people = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<Grant> grants;
    private final List<RiskFactor> riskFactors;
    private final RiskAssessment risk;
    private final CasePathDecision casePath;

    RuleOutcome(Collection<?> facts) {
        household = only(facts, HouseholdProfile.class).orElse(null);
        facts.stream().filter(PersonProfile.class::isInstance).map(PersonProfile.class::cast)
                .sorted(Comparator.comparing(PersonProfile::getRef)).forEach(p -> people.put(p.getRef(), p));
        facts.stream().filter(Parameter.class::isInstance).map(Parameter.class::cast)
                .sorted(Comparator.comparing(Parameter::getName)).forEach(p -> parameters.merge(p.getName(), p, (a, b) -> a));
        grants = facts.stream().filter(Grant.class::isInstance).map(Grant.class::cast)
                .sorted(Comparator.comparing(Grant::serviceCode).thenComparing(Grant::rule)
                        .thenComparing(g -> g.memberRef() == null ? "" : g.memberRef()))
                .toList();
        riskFactors = facts.stream().filter(RiskFactor.class::isInstance).map(RiskFactor.class::cast)
                .sorted(Comparator.comparing(RiskFactor::points).reversed().thenComparing(RiskFactor::code)).toList();
        risk = only(facts, RiskAssessment.class).orElse(null);
        casePath = only(facts, CasePathDecision.class).orElse(null);
    }

    private static <T> Optional<T> only(Collection<?> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Null when the parameters the indicators need have no value on the case date. */
    public HouseholdProfile household() { return household; }
    public Map<String, PersonProfile> people() { return people; }
    public Map<String, Parameter> parameters() { return parameters; }
    public List<Grant> grants() { return grants; }
    public List<RiskFactor> riskFactors() { return riskFactors; }
    public RiskAssessment risk() { return risk; }
    public CasePathDecision casePath() { return casePath; }

    /** Parameter value on the case date, if the parameters table has one. */
    public Optional<Double> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).map(Parameter::getValue);
    }
}
