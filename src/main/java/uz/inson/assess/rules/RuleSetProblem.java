package uz.inson.assess.rules;

/** One problem found while compiling a bundle: where (file, sheet, row, column — as far as known) and what. */
public record RuleSetProblem(String file, String sheet, Integer row, String column, String message) {

    public static RuleSetProblem inFile(String file, String message) {
        return new RuleSetProblem(file, null, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append('!').append(sheet);
        }
        if (row != null) {
            where.append("!row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return where + ": " + message;
    }
}
