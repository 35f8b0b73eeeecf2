package uz.inson.assess.rules;

import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;

import java.util.Arrays;
import java.util.List;

/**
 * One problem found while checking a bundle: where (file, sheet, row, column — as far as known) and what. The message
 * is in English unless told {@link #in(Language) in another language}; {@code code} and {@code args} keep the sentence
 * (message key {@code problem.<code>}) so it can be. Drools' own messages have no code and stay as Drools wrote them.
 */
public record RuleSetProblem(String file, String sheet, Integer row, String column, String message, String code, List<String> args) {
    private static final String PREFIX = "problem.";

    public static RuleSetProblem at(String file, String sheet, Integer row, String column, String code, Object... args) {
        List<String> text = Arrays.stream(args).map(String::valueOf).toList();
        return new RuleSetProblem(file, sheet, row, column, Messages.format(Language.en, PREFIX + code, text.toArray()), code, text);
    }

    public static RuleSetProblem inFile(String file, String code, Object... args) {
        return at(file, null, null, null, code, args);
    }

    /** A message that is not ours to translate (a catalogue reader's finding). */
    public static RuleSetProblem verbatim(String file, String message) {
        return new RuleSetProblem(file, null, null, null, message, null, null);
    }

    public RuleSetProblem in(Language language) {
        return code == null ? this : new RuleSetProblem(file, sheet, row, column, Messages.format(language, PREFIX + code, args.toArray()), code, args);
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
