package uz.inson.assess.rules;

import java.util.List;

/**
 * One {@code RuleTable} of a workbook as the officer sees it: its columns and its data rows; {@code header} is the
 * text of the keyword cells above the table (RuleSet, Import, Dialect …), which are code.
 */
public record DecisionTable(String file, String sheet, String name, String header, List<Column> columns, List<Row> rows) {

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

        public String cell(Column column) {
            return column.index() < cells.size() ? cells.get(column.index()) : "";
        }
    }

    /** The action template of an eligibility table's service column. */
    public static final String SERVICE_ACTION = "insert(Grant.of(\"$param\", drools));";

    /** The action template of the parameters table's value column. */
    public static final String PARAMETER_VALUE = "parameter.setValue($param);";

    public String source(Row row) {
        return file + "!" + sheet + "!row " + row.number();
    }

    /** A row with a member condition filled matches one member; otherwise Drools drops the member pattern. */
    public boolean concernsAMember(Row row) {
        return columns.stream().anyMatch(c -> !row.cell(c).isEmpty()
                && Criterion.forTemplate(c.template()).map(Criterion::isMemberCondition).orElse(false));
    }

    public Column column(String template) {
        return columns.stream().filter(c -> c.template().equals(template)).findFirst().orElse(null);
    }
}
