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
 * never fire, rows that give one outcome to the same households on different terms, and rows past their review date
 * (a warning). Every finding names its cell.
 */
final class TableChecks {
    private static final String VALID_FROM = DecisionTable.VALID_FROM;
    private static final String VALID_UNTIL = DecisionTable.VALID_UNTIL;
    private static final String PARAMETER = DecisionTable.PARAMETER_NAME;
    private static final String REVIEW_BY = DecisionTable.REVIEW_BY;
    private static final String CASE_PATH = DecisionTable.CASE_PATH_ACTION;

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
            checkConflictingOutcomes(table, errors, warnings);
            DecisionTable.Column review = table.column(REVIEW_BY);
            for (DecisionTable.Row row : table.rows()) {
                if (review != null && !row.cell(review).isEmpty()) {
                    LocalDate date = date(table, row, review, errors);
                    if (date != null && date.isBefore(today)) {
                        warnings.add(problem(table, row, review, "review-date-passed", date));
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
                    errors.add(problem(table, row, until, "until-before-from", end, start));
                }
                rows.add(row);
            }
            rows.sort(Comparator.comparing(row -> row.cell(from)));
            for (int i = 1; i < rows.size(); i++) {
                DecisionTable.Row previous = rows.get(i - 1);
                DecisionTable.Row next = rows.get(i);
                String previousEnd = previous.cell(until);
                if (previousEnd.isEmpty() || previousEnd.compareTo(next.cell(from)) > 0) {
                    errors.add(problem(table, next, from, "parameter-overlap", parameter.getKey(), previous.number(), next.cell(from)));
                } else if (previousEnd.compareTo(next.cell(from)) < 0) {
                    errors.add(problem(table, next, from, "parameter-gap", parameter.getKey(), previousEnd, next.cell(from), previous.number()));
                }
            }
            DecisionTable.Column value = table.column(DecisionTable.PARAMETER_VALUE);
            if (parameter.getKey().equals("POVERTY_RISK_MSL_MULTIPLIER") && value != null) {
                riskBand = rows.stream().mapToDouble(row -> number(row.cell(value))).max().orElse(riskBand);
            }
        }
        return riskBand;
    }

    /**
     * Rows that produce the same thing (a risk factor, a case path) for households both describe must agree on what
     * comes with it (points, area; contact and review days, lead specialist), or the outcome would depend on which row
     * Drools happens to fire: an error. The case-path table breaks such ties by row order (case-path.drl), so there
     * it is a warning saying which row wins. Parameters have their own, date-based check.
     */
    private static void checkConflictingOutcomes(DecisionTable table, List<RuleSetProblem> errors, List<RuleSetProblem> warnings) {
        List<DecisionTable.Column> actions = table.columns().stream().filter(c -> "ACTION".equals(c.type())).toList();
        if (actions.size() < 2 || table.column(PARAMETER) != null) {
            return;
        }
        DecisionTable.Column what = actions.get(0);
        List<DecisionTable.Row> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                DecisionTable.Row a = rows.get(i);
                DecisionTable.Row b = rows.get(j);
                if (!a.cell(what).equals(b.cell(what)) || !overlap(table, a, b)) {
                    continue;
                }
                for (DecisionTable.Column detail : actions.subList(1, actions.size())) {
                    if (!a.cell(detail).trim().equals(b.cell(detail).trim())) {
                        boolean firstWins = table.column(CASE_PATH) != null;
                        (firstWins ? warnings : errors).add(problem(table, b, detail, firstWins ? "first-row-wins" : "conflicting-rows",
                                a.number(), b.number(), b.cell(what), detail.header(), a.cell(detail), b.cell(detail)));
                    }
                }
            }
        }
    }

    /** Whether some household (and member) could meet the conditions of both rows. */
    private static boolean overlap(DecisionTable table, DecisionTable.Row a, DecisionTable.Row b) {
        double ageFrom = 0;
        double ageBelow = Double.MAX_VALUE;
        for (DecisionTable.Column column : table.columns()) {
            Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
            String x = a.cell(column).trim();
            String y = b.cell(column).trim();
            if (criterion == null || x.isEmpty() && y.isEmpty()) {
                continue;
            }
            switch (criterion) {
                case AGE_AT_LEAST -> ageFrom = Math.max(x.isEmpty() ? 0 : number(x), y.isEmpty() ? 0 : number(y));
                case AGE_BELOW -> ageBelow = Math.min(x.isEmpty() ? Double.MAX_VALUE : number(x), y.isEmpty() ? Double.MAX_VALUE : number(y));
                default -> {
                    boolean bothSet = !x.isEmpty() && !y.isEmpty();
                    if (bothSet && criterion.kind() == Criterion.Kind.ONE_OF
                            && Criterion.values(x).stream().noneMatch(Criterion.values(y)::contains)) {
                        return false;
                    }
                    if (bothSet && criterion.kind() == Criterion.Kind.IS && !x.equalsIgnoreCase(y)) {
                        return false;
                    }
                }
            }
        }
        return ageFrom < ageBelow;
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
                errors.add(RuleSetProblem.at(table.file(), table.sheet(), null, level.header() + " (" + level.letter() + ")",
                        "no-path-for-level", riskLevel));
            }
        }
    }

    /** Contradictions within one row: an age window that is empty, or "not in need" with an income test only the needy pass. */
    private static void neverFires(DecisionTable table, DecisionTable.Row row, double riskBand, List<RuleSetProblem> errors) {
        DecisionTable.Column ageFrom = column(table, Criterion.AGE_AT_LEAST);
        DecisionTable.Column ageBelow = column(table, Criterion.AGE_BELOW);
        if (ageFrom != null && ageBelow != null && !row.cell(ageFrom).isEmpty() && !row.cell(ageBelow).isEmpty()
                && number(row.cell(ageFrom)) >= number(row.cell(ageBelow))) {
            errors.add(problem(table, row, ageBelow, "never-fires-age", row.cell(ageFrom), row.cell(ageBelow)));
        }
        DecisionTable.Column category = column(table, Criterion.REGISTRY_CATEGORY);
        DecisionTable.Column income = column(table, Criterion.INCOME_BELOW_MSL);
        if (category != null && income != null && Criterion.values(row.cell(category)).equals(List.of("NONE"))
                && !row.cell(income).isEmpty() && number(row.cell(income)) <= riskBand) {
            errors.add(problem(table, row, income, "never-fires-income", riskBand, row.cell(income)));
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
            errors.add(problem(table, row, column, "not-a-date", text));
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

    private static RuleSetProblem problem(DecisionTable table, DecisionTable.Row row, DecisionTable.Column column, String code, Object... args) {
        return RuleSetProblem.at(table.file(), table.sheet(), row.number(), column.header() + " (" + column.letter() + ")", code, args);
    }
}
