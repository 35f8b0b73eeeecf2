package uz.inson.assess.rules;

import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;
import uz.inson.assess.rules.facts.CareDependency;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.NeedSummary;
import uz.inson.assess.rules.facts.PersonProfile;
import uz.inson.assess.rules.facts.RegistryCategory;
import uz.inson.assess.rules.facts.RiskAssessment;
import uz.inson.assess.rules.facts.RiskLevel;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition vocabulary of the decision tables: each code template a table column may use, with the same meaning
 * Drools gives it, so a row's cells can be explained in words ("per-capita income 600,000 is below 1 × MSL = 720,000"),
 * checked one by one for near misses, and told apart when a fact was not given at all (then the answer asks for it).
 * A test proves these evaluations agree with Drools on every scenario.
 */
public enum Criterion {
    REGISTRY_CATEGORY("forall(||){registryCategory == \"$\"}", Kind.ONE_OF, Scope.HOUSEHOLD, s -> s.household().getRegistryCategory(), names(RegistryCategory.values())),
    INCOME_BELOW_MSL("perCapitaIncome < msl * $param", Kind.BELOW_MSL_TIMES, Scope.HOUSEHOLD, s -> s.household().getPerCapitaIncome(), null),
    INCOME_AT_LEAST_MSL("perCapitaIncome >= msl * $param", Kind.AT_LEAST_MSL_TIMES, Scope.HOUSEHOLD, s -> s.household().getPerCapitaIncome(), null),
    NET_INCOME_BELOW_MSL("perCapitaNetIncome < msl * $param", Kind.BELOW_MSL_TIMES, Scope.HOUSEHOLD, s -> s.household().getPerCapitaNetIncome(), null),
    IN_NOTEBOOK("forall(||){registries contains \"$\"}", Kind.CONTAINS_ANY, Scope.HOUSEHOLD, s -> s.household().getRegistries(), names(Registry.values())),
    NOT_IN_NOTEBOOK("registries not contains \"$param\"", Kind.NOT_CONTAINS, Scope.HOUSEHOLD, s -> s.household().getRegistries(), names(Registry.values())),
    HOUSING_TENURE("forall(||){housingTenure == \"$\"}", Kind.ONE_OF, Scope.HOUSEHOLD, s -> s.household().getHousingTenure(), names(HousingTenure.values())),
    HOUSING_CONDITION("forall(||){housingCondition == \"$\"}", Kind.ONE_OF, Scope.HOUSEHOLD, s -> s.household().getHousingCondition(), names(HousingCondition.values())),
    HAS_UTILITIES("hasUtilities == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isHasUtilities(), null),
    CHILDREN_AT_LEAST("childrenCount >= $param", Kind.AT_LEAST, Scope.HOUSEHOLD, s -> s.household().getChildrenCount(), null),
    REGION("forall(||){region == \"$\"}", Kind.ONE_OF, Scope.HOUSEHOLD, s -> s.household().getRegion(), names(Region.values())),
    OWNS_CAR("ownsCar == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isOwnsCar(), null, Fact.ASSETS),
    LAND_ABOVE_LIMIT("landAboveLimit == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isLandAboveLimit(), null, Fact.ASSETS),
    LIVESTOCK_ABOVE_LIMIT("livestockAboveLimit == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isLivestockAboveLimit(), null, Fact.ASSETS),
    HAS_BUSINESS("business == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isBusiness(), null, Fact.ASSETS),
    LAND_AT_LEAST("landPlotSqm >= $param", Kind.AT_LEAST, Scope.HOUSEHOLD, s -> s.household().getLandPlotSqm(), null, Fact.ASSETS),
    NO_DECLARED_INCOME("noDeclaredIncome == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isNoDeclaredIncome(), null),
    SINGLE_PARENT("singleParent == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isSingleParent(), null),
    HAS_DEBT("hasDebt == $param", Kind.IS, Scope.HOUSEHOLD, s -> s.household().isHasDebt(), null),
    CARERS_AT_MOST("carersCount <= $param", Kind.AT_MOST, Scope.HOUSEHOLD, s -> s.household().getCarersCount(), null),
    ANY_MEMBER_FLAG("forall(||){memberFlags contains \"$\"}", Kind.CONTAINS_ANY, Scope.HOUSEHOLD, s -> s.household().getMemberFlags(), names(MemberFlag.values())),
    NOT_RECEIVING("receives not contains \"$param\"", Kind.NOT_CONTAINS, Scope.HOUSEHOLD, s -> s.household().getReceives(), null),
    NEED("forall(||){areas contains \"$\"}", Kind.CONTAINS_ANY, Scope.NEEDS, s -> s.needs().getAreas(), names(NeedArea.values())),
    PROBLEM_AREAS_AT_LEAST("problemAreas >= $param", Kind.AT_LEAST, Scope.NEEDS, s -> s.needs().getProblemAreas(), null),
    RED_FLAG("redFlag == $param", Kind.IS, Scope.NEEDS, s -> s.needs().isRedFlag(), null),
    IMMEDIATE_DANGER("immediateDanger == $param", Kind.IS, Scope.NEEDS, s -> s.needs().isImmediateDanger(), null),
    AGE_AT_LEAST("age >= $param", Kind.AT_LEAST, Scope.MEMBER, s -> s.person().getAge(), null),
    AGE_BELOW("age < $param", Kind.BELOW, Scope.MEMBER, s -> s.person().getAge(), null),
    SEX("sex == \"$param\"", Kind.ONE_OF, Scope.MEMBER, s -> s.person().getSex(), names(Sex.values())),
    RELATION("forall(||){relation == \"$\"}", Kind.ONE_OF, Scope.MEMBER, s -> s.person().getRelation(), names(Relation.values())),
    EMPLOYMENT("forall(||){employment == \"$\"}", Kind.ONE_OF, Scope.MEMBER, s -> s.person().getEmployment(), names(Employment.values())),
    DISABILITY_GROUP("forall(||){disabilityGroup == \"$\"}", Kind.ONE_OF, Scope.MEMBER, s -> s.person().getDisabilityGroup(),
            Stream.concat(names(DisabilityGroup.values()).stream(), Stream.of("NONE")).toList()),
    MEMBER_FLAG("forall(||){flags contains \"$\"}", Kind.CONTAINS_ANY, Scope.MEMBER, s -> s.person().getFlags(), names(MemberFlag.values())),
    PREGNANT("pregnant == $param", Kind.IS, Scope.MEMBER, s -> s.person().isPregnant(), null),
    ABLE_TO_WORK("ableToWork == $param", Kind.IS, Scope.MEMBER, s -> s.person().isAbleToWork(), null),
    PENSION_AGE("pensionAge == $param", Kind.IS, Scope.MEMBER, s -> s.person().isPensionAge(), null),
    IMPAIRMENT("forall(||){impairments contains \"$\"}", Kind.CONTAINS_ANY, Scope.MEMBER, s -> s.person().getImpairments(),
            names(Impairment.values()), Fact.IMPAIRMENTS),
    CARE_DEPENDENCY("forall(||){careDependency == \"$\"}", Kind.ONE_OF, Scope.MEMBER, s -> s.person().getCareDependency(),
            List.of(CareDependency.HIGH.name(), CareDependency.MODERATE.name(), CareDependency.NONE.name()), Fact.CARE_NEED),
    CARE_SCORE_AT_MOST("careScore <= $param", Kind.AT_MOST, Scope.MEMBER, s -> s.person().getCareScore(), null, Fact.CARE_NEED),
    DISABLED_MONTHS_BELOW("disabledMonths < $param", Kind.BELOW, Scope.MEMBER, s -> s.person().getDisabledMonths(), null, Fact.DISABILITY_DATE),
    JOB_SEEKER("jobSeeker == $param", Kind.IS, Scope.MEMBER, s -> s.person().isJobSeeker(), null, Fact.JOB_SEEKER),
    HAS_GUARDIAN("hasGuardian == $param", Kind.IS, Scope.MEMBER, s -> s.person().isHasGuardian(), null, Fact.GUARDIAN),
    RISK_LEVEL("forall(||){level == \"$\"}", Kind.ONE_OF, Scope.RISK, s -> s.risk().getLevel(), names(RiskLevel.values())),
    RISK_SCORE_AT_LEAST("score >= $param", Kind.AT_LEAST, Scope.RISK, s -> s.risk().getScore(), null);

    /** How a cell's text is compared with the actual value. */
    public enum Kind { ONE_OF, CONTAINS_ANY, NOT_CONTAINS, IS, AT_LEAST, AT_MOST, BELOW, BELOW_MSL_TIMES, AT_LEAST_MSL_TIMES }

    /** Which fact a column's pattern reads. */
    public enum Scope { HOUSEHOLD, MEMBER, NEEDS, RISK }

    /**
     * Facts of the request that may be missing: the field a case worker should fill in (relative to the household, or
     * to a member), and when it counts as missing.
     */
    public enum Fact {
        ASSETS("assets", false), IMPAIRMENTS("impairments", true), CARE_NEED("careNeed", true),
        JOB_SEEKER("registeredJobSeeker", true), GUARDIAN("guardianRef", true), DISABILITY_DATE("disability.firstEstablishedOn", true);

        private final String field;
        private final boolean ofMember;

        Fact(String field, boolean ofMember) {
            this.field = field;
            this.ofMember = ofMember;
        }

        /** The request field, e.g. {@code members[1].careNeed} or {@code assets}. */
        public String path(PersonProfile person) {
            return ofMember ? "members[" + person.getIndex() + "]." + field : field;
        }

        public boolean ofMember() {
            return ofMember;
        }

        public boolean missing(Subject subject) {
            return switch (this) {
                case ASSETS -> !subject.household().isAssetsKnown();
                case IMPAIRMENTS -> !subject.person().isImpairmentsKnown();
                case CARE_NEED -> CareDependency.UNKNOWN.name().equals(subject.person().getCareDependency());
                case JOB_SEEKER -> !subject.person().isJobSeekerKnown();
                case GUARDIAN -> !subject.person().isGuardianKnown();
                case DISABILITY_DATE -> !subject.person().isDisabledSinceKnown();
            };
        }
    }

    /** The facts a row is checked against; {@code person} is null for household-only rows. */
    public record Subject(HouseholdProfile household, PersonProfile person, RiskAssessment risk, NeedSummary needs) {
    }

    private final String template;
    private final Kind kind;
    private final Scope scope;
    private final Function<Subject, Object> actual;
    private final List<String> domain;
    private final Fact fact;

    Criterion(String template, Kind kind, Scope scope, Function<Subject, Object> actual, List<String> domain) {
        this(template, kind, scope, actual, domain, null);
    }

    Criterion(String template, Kind kind, Scope scope, Function<Subject, Object> actual, List<String> domain, Fact fact) {
        this.template = template;
        this.kind = kind;
        this.scope = scope;
        this.actual = actual;
        this.domain = domain;
        this.fact = fact;
        if (fact != null && fact.ofMember() != (scope == Scope.MEMBER)) {
            // what is asked of whom, and when a fact counts as not given for a subject, rest on this
            throw new IllegalStateException(name() + " reads " + fact + " but is not of its scope");
        }
    }

    private static final Map<String, Criterion> BY_TEMPLATE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.template, c -> c));

    public static Optional<Criterion> forTemplate(String template) {
        return Optional.ofNullable(BY_TEMPLATE.get(template));
    }

    public String template() {
        return template;
    }

    public Kind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    public boolean isMemberCondition() {
        return scope == Scope.MEMBER;
    }

    /** The values a cell may name, or null for numbers and yes/no columns (and catalogue codes, checked elsewhere). */
    public List<String> domain() {
        return domain;
    }

    /** The fact of the request this condition reads that may not have been given, if any. */
    public Optional<Fact> fact() {
        return Optional.ofNullable(fact);
    }

    /** Whether the fact this condition depends on was left out of the request for this subject. */
    public boolean isUnknown(Subject subject) {
        return fact != null && fact.missing(subject);
    }

    public Object actual(Subject subject) {
        return actual.apply(subject);
    }

    /** The comma-separated values of a list cell. */
    public static List<String> values(String cell) {
        return Arrays.stream(cell.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** Whether the cell's condition holds for the subject, exactly as the generated Drools constraint decides. */
    public boolean holds(String cell, Subject subject) {
        return test(cell).test(subject);
    }

    /** The cell's condition read once, to be tried on many subjects: what {@link #holds} decides. */
    public Predicate<Subject> test(String cell) {
        return switch (kind) {
            case ONE_OF -> {
                Set<String> allowed = Set.copyOf(values(cell));
                yield s -> allowed.contains(String.valueOf(actual(s)));
            }
            case CONTAINS_ANY -> {
                List<String> any = values(cell);
                yield s -> {
                    Collection<?> value = (Collection<?>) actual(s);
                    for (String one : any) {
                        if (value.contains(one)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case NOT_CONTAINS -> {
                String one = cell.trim();
                yield s -> !((Collection<?>) actual(s)).contains(one);
            }
            case IS -> {
                boolean expected = Boolean.parseBoolean(cell.trim());
                yield s -> expected == (Boolean) actual(s);
            }
            case AT_LEAST -> number(cell, (value, limit, s) -> value >= limit);
            case AT_MOST -> number(cell, (value, limit, s) -> value <= limit);
            case BELOW -> number(cell, (value, limit, s) -> value < limit);
            case BELOW_MSL_TIMES -> number(cell, (value, times, s) -> value < s.household().getMsl() * times);
            case AT_LEAST_MSL_TIMES -> number(cell, (value, times, s) -> value >= s.household().getMsl() * times);
        };
    }

    private interface NumberTest {
        boolean test(double value, double cell, Subject subject);
    }

    private Predicate<Subject> number(String cell, NumberTest test) {
        double parsed = Double.parseDouble(cell);
        return s -> test.test(((Number) actual(s)).doubleValue(), parsed, s);
    }

    /** A subject this criterion can be read for: its pattern's fact is there. */
    public boolean appliesTo(Subject subject) {
        return switch (scope) {
            case HOUSEHOLD -> subject.household() != null;
            case MEMBER -> subject.person() != null;
            case NEEDS -> subject.needs() != null;
            case RISK -> subject.risk() != null;
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static Predicate<String> isNumber() {
        return cell -> {
            try {
                return Double.isFinite(Double.parseDouble(cell)) && cell.matches("-?[0-9.]+");
            } catch (NumberFormatException e) {
                return false;
            }
        };
    }
}
