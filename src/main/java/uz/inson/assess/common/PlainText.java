package uz.inson.assess.common;

/** Free text a person typed: no control characters (PostgreSQL cannot store NUL; logs and CSV must not be split). */
public final class PlainText {
    private PlainText() {
    }

    public static void check(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(field, "must not contain control characters");
        }
    }
}
