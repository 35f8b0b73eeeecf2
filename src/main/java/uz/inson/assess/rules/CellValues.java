package uz.inson.assess.rules;

import uz.inson.assess.rules.facts.CasePath;
import uz.inson.assess.rules.facts.MeansTestOutcome;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.NeedLevel;
import uz.inson.assess.rules.facts.RiskLevel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Each condition cell must hold what its column compares: a number, true or false, or values the facts can take.
 * Checked before Drools compiles, so an officer's typo is reported at its cell, not as an error in generated code,
 * and a misspelt value ("LOW_INCOM") does not quietly make a row that never fires.
 */
final class CellValues {
    /** Action columns whose cells name a value of one of the rules' enums. */
    private static final Map<String, List<String>> ACTION_DOMAINS = Map.of(
            DecisionTable.NEED_AREA, names(NeedArea.values()),
            DecisionTable.NEED_LEVEL, names(NeedLevel.values()),
            DecisionTable.RISK_LEVEL_ACTION, names(RiskLevel.values()),
            DecisionTable.MEANS_TEST_ACTION, names(MeansTestOutcome.values()),
            DecisionTable.CASE_PATH_ACTION, names(CasePath.values()));
    /** Action and metadata columns whose cells are true or false. */
    private static final List<String> YES_NO = List.of(DecisionTable.NEED_RED_FLAG, DecisionTable.NEED_DANGER, DecisionTable.ENTITLEMENT);

    private CellValues() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void checkAction(DecisionTable table, DecisionTable.Column column, List<RuleSetProblem> problems) {
        List<String> domain = ACTION_DOMAINS.get(column.template());
        boolean yesNo = YES_NO.contains(column.template());
        if (domain == null && !yesNo) {
            return;
        }
        String where = column.header() + " (" + column.letter() + ")";
        for (DecisionTable.Row row : table.rows()) {
            String cell = row.cell(column).trim();
            if (cell.isEmpty()) {
                continue;
            }
            if (yesNo && !cell.equals("true") && !cell.equals("false")) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "not-yes-no", cell));
            } else if (domain != null && !domain.contains(cell)) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "unknown-value", cell, String.join(", ", domain)));
            }
        }
    }

    static void check(DecisionTable table, List<RuleSetProblem> problems) {
        for (DecisionTable.Column column : table.columns()) {
            checkAction(table, column, problems);
            Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
            boolean numeric = DecisionTable.NUMERIC_ACTIONS.contains(column.template());
            if (criterion == null && !numeric) {
                continue;
            }
            String where = column.header() + " (" + column.letter() + ")";
            for (DecisionTable.Row row : table.rows()) {
                String cell = row.cell(column).trim();
                if (cell.isEmpty()) {
                    continue;
                }
                Criterion.Kind kind = numeric ? Criterion.Kind.AT_LEAST : criterion.kind();
                switch (kind) {
                    case AT_LEAST, AT_MOST, BELOW, BELOW_MSL_TIMES, AT_LEAST_MSL_TIMES -> {
                        if (!Criterion.isNumber().test(cell)) {
                            problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "not-a-number", cell));
                        }
                    }
                    case IS -> {
                        if (!cell.equals("true") && !cell.equals("false")) {
                            problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), where, "not-yes-no", cell));
                        }
                    }
                    default -> {
                        List<String> domain = criterion.domain();
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
}
