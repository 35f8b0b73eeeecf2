package uz.inson.assess.rules;

import java.util.List;

/**
 * One {@code RuleTable} of a workbook as the officer sees it: its columns and its data rows; {@code header} is the
 * text of the keyword cells above the table (RuleSet, Import, Dialect …), which are code.
 */
public record DecisionTable(String file, String sheet, String name, String header, List<Column> columns, List<Row> rows) {

    /** Immutable whatever built it: the spreadsheet reader, or the build's reads ({@link SpreadsheetReads}) shared by compiles. */
    public DecisionTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A CONDITION / ACTION / METADATA column: its pattern ({@code $h: HouseholdProfile}), code template and plain header. */
    public record Column(int index, String letter, String type, String pattern, String template, String header) {

        /** The variable the column's pattern binds ({@code $h}), or "" for actions and metadata. */
        public String variable() {
            int colon = pattern.indexOf(':');
            return colon < 0 ? "" : pattern.substring(0, colon).trim();
        }
    }

    /** One data row, which Drools compiles into the rule {@code rule}. */
    public record Row(String rule, int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(Column column) {
            return column.index() < cells.size() ? cells.get(column.index()) : "";
        }
    }

    /** The action template of an eligibility table's service column. */
    public static final String SERVICE_ACTION = "insert(Grant.of(\"$param\", drools));";
    /** An eligibility row's "entitlement" column: the service is the household's by law, whatever its assessed needs. */
    public static final String ENTITLEMENT = "entitlement($param)";
    /** A row's own legal basis, where it is not the service's. */
    public static final String LEGAL_BASIS = "legalBasis(\"$param\")";
    public static final String REVIEW_BY = "reviewBy(\"$param\")";

    /** The parameters table: a parameter's name, value, unit and validity dates. */
    public static final String PARAMETER_NAME = "Parameter parameter = new Parameter(\"$param\", drools.getRule().getName()); insert(parameter);";
    public static final String PARAMETER_VALUE = "parameter.setValue($param);";
    public static final String PARAMETER_UNIT = "parameter.setUnit(\"$param\");";
    public static final String VALID_FROM = "asOf >= \"$param\"";
    public static final String VALID_UNTIL = "asOf < \"$param\"";

    /** The needs table: the problem found, its area of life, level, points, red flag and immediate danger. */
    public static final String NEED_ACTION = "NeedHit need = NeedHit.of(\"$param\", drools); insert(need);";
    public static final String NEED_AREA = "need.setArea(\"$param\");";
    public static final String NEED_LEVEL = "need.setLevel(\"$param\");";
    public static final String NEED_POINTS = "need.setPoints($param);";
    public static final String NEED_RED_FLAG = "need.setRedFlag($param);";
    public static final String NEED_DANGER = "need.setImmediateDanger($param);";

    /** The risk-levels table's level column. */
    public static final String RISK_LEVEL_ACTION = "insert(RiskLevelOption.of(\"$param\", drools));";

    /** The means-test table's outcome column and the cash-share table's share column. */
    public static final String MEANS_TEST_ACTION = "insert(MeansTestHit.of(\"$param\", drools));";
    public static final String CASH_SHARE_ACTION = "insert(CashShare.of($param, drools));";

    /** The case-paths table's path column and the contact and review days. */
    public static final String CASE_PATH_ACTION = "CasePathOption option = CasePathOption.of(\"$param\", drools); insert(option);";

    /** Action columns whose cells must be numbers. */
    public static final java.util.Set<String> NUMERIC_ACTIONS = java.util.Set.of(PARAMETER_VALUE, NEED_POINTS, CASH_SHARE_ACTION,
            "option.setFirstContactWithinDays($param);", "option.setReviewEveryDays($param);");

    public String source(Row row) {
        return file + "!" + sheet + "!row " + row.number();
    }

    /** A row with a member condition filled matches one member; otherwise Drools drops the member pattern. */
    public boolean concernsAMember(Row row) {
        return columns.stream().anyMatch(c -> !row.cell(c).isEmpty()
                && Criterion.forTemplate(c.template()).map(Criterion::isMemberCondition).orElse(false));
    }

    /** The areas of life the row's service answers (its "answers a need in" cell), empty for an entitlement row. */
    public java.util.List<String> answers(Row row) {
        Column needs = column(Criterion.NEED.template());
        return needs == null ? java.util.List.of() : Criterion.values(row.cell(needs));
    }

    /** Whether the row grants its service as an entitlement, whatever the assessed needs. */
    public boolean entitlement(Row row) {
        Column column = column(ENTITLEMENT);
        return column != null && Boolean.parseBoolean(row.cell(column).trim());
    }

    public Column column(String template) {
        return columns.stream().filter(c -> c.template().equals(template)).findFirst().orElse(null);
    }
}
