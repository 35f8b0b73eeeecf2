package uz.inson.assess.rulesets;

import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.RuleSetProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks Drools cannot make: parameter periods that overlap or leave gaps, dates that are not dates, rows that can
 * never fire, and rows past their review date (a warning). Every finding names its cell.
 */
final class TableChecks {
    static final String VALID_FROM = "asOf >= \"$param\"";
    static final String VALID_UNTIL = "asOf < \"$param\"";
    static final String PARAMETER = "Parameter parameter = new Parameter(\"$param\", drools.getRule().getName()); insert(parameter);";
    static final String REVIEW_BY = "reviewBy(\"$param\")";
    static final String VALUE = "parameter.setValue($param);";
    static final String CASE_PATH = "CasePathOption option = CasePathOption.of(\"$param\", drools); insert(option);";

    private TableChecks() {
    }

    record Findings(List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
    }

    static Findings check(List<DecisionTable> tables, LocalDate today) {
        List<RuleSetProblem> errors = new ArrayList<>();
        List<RuleSetProblem> warnings = new ArrayList<>();
        double riskBand = 1.5;
        for (DecisionTable table : tables) {
            DecisionTable.Column name = table.column(PARAMETER);
            if (name != null) {
                riskBand = checkParameters(table, name, errors);
            }
        }
        for (DecisionTable table : tables) {
            checkEveryRiskLevelHasAPath(table, errors);
            DecisionTable.Column review = table.column(REVIEW_BY);
            for (DecisionTable.Row row : table.rows()) {
                if (review != null && !row.cell(review).isEmpty()) {
                    LocalDate date = date(table, row, review, errors);
                    if (date != null && date.isBefore(today)) {
                        warnings.add(problem(table, row, review, "the review date " + date + " has passed; review the row and set a new date"));
                    }
                }
                neverFires(table, row, riskBand, errors);
            }
        }
        return new Findings(errors, warnings);
    }

    /** Each parameter's rows must cover time without overlaps or gaps; returns the at-risk band for the other checks. */
    private static double checkParameters(DecisionTable table, DecisionTable.Column name, List<RuleSetProblem> errors) {
        DecisionTable.Column from = table.column(VALID_FROM);
        DecisionTable.Column until = table.column(VALID_UNTIL);
        Map<String, List<DecisionTable.Row>> byName = new LinkedHashMap<>();
        table.rows().forEach(row -> byName.computeIfAbsent(row.cell(name), k -> new ArrayList<>()).add(row));
        double riskBand = 1.5;
        for (Map.Entry<String, List<DecisionTable.Row>> parameter : byName.entrySet()) {
            List<DecisionTable.Row> rows = new ArrayList<>();
            for (DecisionTable.Row row : parameter.getValue()) {
                LocalDate start = date(table, row, from, errors);
                LocalDate end = row.cell(until).isEmpty() ? null : date(table, row, until, errors);
                if (start == null) {
                    continue;
                }
                if (end != null && !end.isAfter(start)) {
                    errors.add(problem(table, row, until, "'Valid until' " + end + " must be after 'Valid from' " + start));
                }
                rows.add(row);
            }
            rows.sort(Comparator.comparing(row -> row.cell(from)));
            for (int i = 1; i < rows.size(); i++) {
                DecisionTable.Row previous = rows.get(i - 1);
                DecisionTable.Row next = rows.get(i);
                String previousEnd = previous.cell(until);
                if (previousEnd.isEmpty() || previousEnd.compareTo(next.cell(from)) > 0) {
                    errors.add(problem(table, next, from, parameter.getKey() + " overlaps row " + previous.number()
                            + ": two values would be in force at once; end row " + previous.number() + " with 'Valid until' " + next.cell(from)));
                } else if (previousEnd.compareTo(next.cell(from)) < 0) {
                    errors.add(problem(table, next, from, parameter.getKey() + " has no value from " + previousEnd + " to " + next.cell(from)
                            + " (row " + previous.number() + " ends before this one starts)"));
                }
            }
            DecisionTable.Column value = table.column(VALUE);
            if (parameter.getKey().equals("POVERTY_RISK_MSL_MULTIPLIER") && value != null) {
                riskBand = rows.stream().mapToDouble(row -> number(row.cell(value))).max().orElse(riskBand);
            }
        }
        return riskBand;
    }

    /** A gap in the case-path table: a risk level that, on its own, leads to no path. */
    private static void checkEveryRiskLevelHasAPath(DecisionTable table, List<RuleSetProblem> errors) {
        DecisionTable.Column level = column(table, Criterion.RISK_LEVEL);
        if (level == null || table.column(CASE_PATH) == null) {
            return;
        }
        for (String riskLevel : List.of("LOW", "MODERATE", "HIGH", "CRITICAL")) {
            boolean covered = table.rows().stream().anyMatch(row -> Criterion.values(row.cell(level)).contains(riskLevel)
                    && table.columns().stream().filter(c -> "CONDITION".equals(c.type()) && c != level).allMatch(c -> row.cell(c).isEmpty()));
            if (!covered) {
                errors.add(new RuleSetProblem(table.file(), table.sheet(), null, level.header() + " (" + level.letter() + ")",
                        "no row gives a case path to every household of risk level " + riskLevel + "; add a row with only that level"));
            }
        }
    }

    /** Contradictions within one row: an age window that is empty, or "not in need" with an income test only the needy pass. */
    private static void neverFires(DecisionTable table, DecisionTable.Row row, double riskBand, List<RuleSetProblem> errors) {
        DecisionTable.Column ageFrom = column(table, Criterion.AGE_AT_LEAST);
        DecisionTable.Column ageBelow = column(table, Criterion.AGE_BELOW);
        if (ageFrom != null && ageBelow != null && !row.cell(ageFrom).isEmpty() && !row.cell(ageBelow).isEmpty()
                && number(row.cell(ageFrom)) >= number(row.cell(ageBelow))) {
            errors.add(problem(table, row, ageBelow, "the row can never fire: nobody is at least " + row.cell(ageFrom) + " and below " + row.cell(ageBelow)));
        }
        DecisionTable.Column category = column(table, Criterion.REGISTRY_CATEGORY);
        DecisionTable.Column income = column(table, Criterion.INCOME_BELOW_MSL);
        if (category != null && income != null && Criterion.values(row.cell(category)).equals(List.of("NONE"))
                && !row.cell(income).isEmpty() && number(row.cell(income)) <= riskBand) {
            errors.add(problem(table, row, income, "the row can never fire: a family 'not in need' has income of at least "
                    + riskBand + " × MSL, so it is never below " + row.cell(income) + " × MSL"));
        }
    }

    private static DecisionTable.Column column(DecisionTable table, Criterion criterion) {
        return table.columns().stream().filter(c -> Criterion.forTemplate(c.template()).orElse(null) == criterion).findFirst().orElse(null);
    }

    private static LocalDate date(DecisionTable table, DecisionTable.Row row, DecisionTable.Column column, List<RuleSetProblem> errors) {
        String text = row.cell(column);
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not ISO", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(problem(table, row, column, "'" + text + "' is not a date; write it as text YYYY-MM-DD, e.g. 2026-02-01"));
            return null;
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static RuleSetProblem problem(DecisionTable table, DecisionTable.Row row, DecisionTable.Column column, String message) {
        return new RuleSetProblem(table.file(), table.sheet(), row.number(), column.header() + " (" + column.letter() + ")", message);
    }
}
