package uz.inson.assess.assessment;

import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a table row that held into a sentence a case worker can read aloud, in the case worker's language. */
final class Explainer {
    private Explainer() {
    }

    static String explain(DecisionTable table, DecisionTable.Row row, Criterion.Subject subject, Language language) {
        List<String> parts = new ArrayList<>();
        for (DecisionTable.Column column : table.columns()) {
            String cell = row.cell(column);
            if (!"CONDITION".equals(column.type()) || cell.isEmpty()) {
                continue;
            }
            parts.add(Criterion.forTemplate(column.template())
                    .map(criterion -> describe(criterion, cell, subject, language))
                    .orElse(column.header() + ": " + cell));
        }
        if (parts.isEmpty()) {
            parts.add(Messages.format(language, "criterion.none"));
        }
        String text = String.join(Messages.format(language, "sentence.join"), parts);
        return subject.person() != null && text.startsWith(subject.person().getRef()) ? text + "." : sentence(text);
    }

    static String describe(Criterion criterion, String cell, Criterion.Subject subject, Language language) {
        String member = subject.person() == null ? "" : subject.person().getRef();
        Object actual = criterion.actual(subject);
        String key = "criterion." + criterion.name();
        return switch (criterion.kind()) {
            case IS -> Messages.format(language, key + "." + Boolean.parseBoolean(cell.trim()), member);
            case ONE_OF -> Messages.has(language, key + "." + actual)
                    ? Messages.format(language, key + "." + actual, member)
                    : Messages.format(language, key, member, Messages.value(language, String.valueOf(actual)), values(Criterion.values(cell), language));
            case CONTAINS_ANY -> {
                List<String> matched = Criterion.values(cell).stream().filter(((Collection<?>) actual)::contains).toList();
                yield Messages.format(language, key, member, values(matched, language), values(Criterion.values(cell), language));
            }
            case NOT_CONTAINS -> Messages.format(language, key, member, "", Messages.value(language, cell.trim()));
            case AT_LEAST, BELOW -> Messages.format(language, key, member, actual, Double.parseDouble(cell));
            case BELOW_MSL_TIMES -> {
                double multiplier = Double.parseDouble(cell);
                yield Messages.format(language, key, member, actual, multiplier, Math.round(subject.household().getMsl() * multiplier));
            }
        };
    }

    static String values(List<String> codes, Language language) {
        return codes.stream().map(code -> Messages.value(language, code)).collect(Collectors.joining(Messages.format(language, "sentence.or")));
    }

    static String sentence(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
