package uz.inson.assess.rules;

import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each condition cell must hold what its column compares: a number, true or false, or values the facts can take.
 * Checked before Drools compiles, so an officer's typo is reported at its cell, not as an error in generated code,
 * and a misspelt value ("LOW_INCOM") does not quietly make a row that never fires.
 */
final class CellValues {
    private static final Map<Criterion, List<String>> DOMAINS = new EnumMap<>(Criterion.class);

    static {
        // the categories indicators.drl gives a household
        DOMAINS.put(Criterion.REGISTRY_CATEGORY, List.of("NONE", "AT_RISK_OF_POVERTY", "LOW_INCOME", "STATE_SUPPORTED"));
        DOMAINS.put(Criterion.IN_NOTEBOOK, names(Registry.values()));
        DOMAINS.put(Criterion.NOT_IN_NOTEBOOK, names(Registry.values()));
        DOMAINS.put(Criterion.HOUSING_TENURE, names(HousingTenure.values()));
        DOMAINS.put(Criterion.HOUSING_CONDITION, names(HousingCondition.values()));
        DOMAINS.put(Criterion.REGION, names(Region.values()));
        DOMAINS.put(Criterion.ANY_MEMBER_FLAG, names(MemberFlag.values()));
        DOMAINS.put(Criterion.MEMBER_FLAG, names(MemberFlag.values()));
        DOMAINS.put(Criterion.SEX, names(Sex.values()));
        DOMAINS.put(Criterion.RELATION, names(Relation.values()));
        DOMAINS.put(Criterion.EMPLOYMENT, names(Employment.values()));
        DOMAINS.put(Criterion.DISABILITY_GROUP, names(DisabilityGroup.values()));
        DOMAINS.put(Criterion.RISK_LEVEL, List.of("LOW", "MODERATE", "HIGH", "CRITICAL"));
    }

    private CellValues() {
    }

    static void check(DecisionTable table, List<RuleSetProblem> problems) {
        for (DecisionTable.Column column : table.columns()) {
            Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
            boolean parameterValue = DecisionTable.PARAMETER_VALUE.equals(column.template());
            if (criterion == null && !parameterValue) {
                continue;
            }
            String where = column.header() + " (" + column.letter() + ")";
            for (DecisionTable.Row row : table.rows()) {
                String cell = row.cell(column).trim();
                if (cell.isEmpty()) {
                    continue;
                }
                Criterion.Kind kind = parameterValue ? Criterion.Kind.AT_LEAST : criterion.kind();
                switch (kind) {
                    case AT_LEAST, BELOW, BELOW_MSL_TIMES -> {
                        if (!isNumber(cell)) {
                            problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "not-a-number", cell));
                        }
                    }
                    case IS -> {
                        if (!cell.equals("true") && !cell.equals("false")) {
                            problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "not-yes-no", cell));
                        }
                    }
                    default -> {
                        List<String> domain = DOMAINS.get(criterion);
                        List<String> values = kind == Criterion.Kind.NOT_CONTAINS ? List.of(cell) : Criterion.values(cell);
                        for (String value : values) {
                            if (domain != null && !domain.contains(value)) {
                                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "unknown-value",
                                        value, String.join(", ", domain)));
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell)) && cell.matches("-?[0-9.]+");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
