package uz.inson.assess.rules;

import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.PersonProfile;
import uz.inson.assess.rules.facts.RiskAssessment;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Function;

/**
 * The condition vocabulary of the decision tables: each code template a table column may use, with the same meaning
 * Drools gives it, so a row's cells can be explained in words ("per-capita income 600,000 is below 1 × MSL = 720,000")
 * and checked one by one for near misses. A test proves these evaluations agree with Drools on every scenario.
 */
public enum Criterion {
    REGISTRY_CATEGORY("forall(||){registryCategory == \"$\"}", Kind.ONE_OF, s -> s.household().getRegistryCategory()),
    INCOME_BELOW_MSL("perCapitaIncome < msl * $param", Kind.BELOW_MSL_TIMES, s -> s.household().getPerCapitaIncome()),
    IN_NOTEBOOK("forall(||){registries contains \"$\"}", Kind.CONTAINS_ANY, s -> s.household().getRegistries()),
    NOT_IN_NOTEBOOK("registries not contains \"$param\"", Kind.NOT_CONTAINS, s -> s.household().getRegistries()),
    HOUSING_TENURE("forall(||){housingTenure == \"$\"}", Kind.ONE_OF, s -> s.household().getHousingTenure()),
    HOUSING_CONDITION("forall(||){housingCondition == \"$\"}", Kind.ONE_OF, s -> s.household().getHousingCondition()),
    HAS_UTILITIES("hasUtilities == $param", Kind.IS, s -> s.household().isHasUtilities()),
    CHILDREN_AT_LEAST("childrenCount >= $param", Kind.AT_LEAST, s -> s.household().getChildrenCount()),
    REGION("forall(||){region == \"$\"}", Kind.ONE_OF, s -> s.household().getRegion()),
    OWNS_CAR("ownsCar == $param", Kind.IS, s -> s.household().isOwnsCar()),
    SINGLE_PARENT("singleParent == $param", Kind.IS, s -> s.household().isSingleParent()),
    ANY_MEMBER_FLAG("forall(||){memberFlags contains \"$\"}", Kind.CONTAINS_ANY, s -> s.household().getMemberFlags()),
    AGE_AT_LEAST("age >= $param", Kind.AT_LEAST, s -> s.person().getAge()),
    AGE_BELOW("age < $param", Kind.BELOW, s -> s.person().getAge()),
    SEX("sex == \"$param\"", Kind.ONE_OF, s -> s.person().getSex()),
    RELATION("forall(||){relation == \"$\"}", Kind.ONE_OF, s -> s.person().getRelation()),
    EMPLOYMENT("forall(||){employment == \"$\"}", Kind.ONE_OF, s -> s.person().getEmployment()),
    DISABILITY_GROUP("forall(||){disabilityGroup == \"$\"}", Kind.ONE_OF, s -> s.person().getDisabilityGroup()),
    MEMBER_FLAG("forall(||){flags contains \"$\"}", Kind.CONTAINS_ANY, s -> s.person().getFlags()),
    PREGNANT("pregnant == $param", Kind.IS, s -> s.person().isPregnant()),
    ABLE_TO_WORK("ableToWork == $param", Kind.IS, s -> s.person().isAbleToWork()),
    PENSION_AGE("pensionAge == $param", Kind.IS, s -> s.person().isPensionAge()),
    RISK_LEVEL("forall(||){level == \"$\"}", Kind.ONE_OF, s -> s.risk().getLevel()),
    RISK_SCORE_AT_LEAST("score >= $param", Kind.AT_LEAST, s -> s.risk().getScore());

    /** How a cell's text is compared with the actual value. */
    public enum Kind { ONE_OF, CONTAINS_ANY, NOT_CONTAINS, IS, AT_LEAST, BELOW, BELOW_MSL_TIMES }

    /** The facts a row is checked against; {@code person} is null for household-only rows. */
    public record Subject(HouseholdProfile household, PersonProfile person, RiskAssessment risk) {
    }

    private final String template;
    private final Kind kind;
    private final Function<Subject, Object> actual;

    Criterion(String template, Kind kind, Function<Subject, Object> actual) {
        this.template = template;
        this.kind = kind;
        this.actual = actual;
    }

    private static final Map<String, Criterion> BY_TEMPLATE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.template, c -> c));

    public static Optional<Criterion> forTemplate(String template) {
        return Optional.ofNullable(BY_TEMPLATE.get(template));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMemberCondition() {
        return ordinal() >= AGE_AT_LEAST.ordinal() && ordinal() <= PENSION_AGE.ordinal();
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
        Object value = actual(subject);
        return switch (kind) {
            case ONE_OF -> values(cell).contains(String.valueOf(value));
            case CONTAINS_ANY -> values(cell).stream().anyMatch(((Collection<?>) value)::contains);
            case NOT_CONTAINS -> !((Collection<?>) value).contains(cell.trim());
            case IS -> Boolean.parseBoolean(cell.trim()) == (Boolean) value;
            case AT_LEAST -> ((Number) value).doubleValue() >= Double.parseDouble(cell);
            case BELOW -> ((Number) value).doubleValue() < Double.parseDouble(cell);
            case BELOW_MSL_TIMES -> ((Number) value).doubleValue() < subject.household().getMsl() * Double.parseDouble(cell);
        };
    }
}
