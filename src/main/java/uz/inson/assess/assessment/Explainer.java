package uz.inson.assess.assessment;

import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a table row that held into a sentence a case worker can read aloud, in the case worker's language: "The son,
 * 10, is a child with a disability; he needs care." The member is named once by place and age, then by pronoun.
 */
final class Explainer {
    /** Every housing tenure but none: a row that lists them all asks that the family has a home. */
    private static final Set<String> EVERY_HOME = Arrays.stream(HousingTenure.values()).filter(t -> t != HousingTenure.NO_HOUSING)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());
    /**
     * Each criterion's sentence keys, put together once: put together for every condition read aloud, they were an eighth
     * of what the words allocate, and every byte a full answer allocates slows the rule run beside it
     * (docs/performance-history.md).
     */
    private static final Map<Criterion, Keys> KEYS = new EnumMap<>(Criterion.class);

    static {
        for (Criterion criterion : Criterion.values()) {
            String key = "criterion." + criterion.name();
            KEYS.put(criterion, new Keys(key, key + ".true", key + ".false"));
        }
    }

    /** A criterion's sentence key, and its keys for a condition that holds ("true") or does not ("false"). */
    private record Keys(String plain, String yes, String no) {
        String of(boolean value) {
            return value ? yes : no;
        }

        /** The key for a cell's text: "true" and "false" as made once, anything else put together. */
        String of(String cell) {
            return "true".equals(cell) ? yes : "false".equals(cell) ? no : plain + "." + cell;
        }
    }

    private Explainer() {
    }

    /** The row's reason, put together in {@code text} (emptied first). */
    static String explain(StringBuilder text, CompiledRuleSet.TracedRow row, Criterion.Subject subject, MemberNames names,
                          ServiceCatalog catalog) {
        Language language = names.language();
        String separator = Messages.format(language, "sentence.join");
        text.setLength(0);
        int clauses = 0;
        boolean named = false;
        List<CompiledRuleSet.Condition> conditions = row.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            CompiledRuleSet.Condition condition = conditions.get(i);
            Criterion criterion = condition.criterion();
            String cell = condition.cell();
            if (criterion == null) {
                next(text, separator, clauses++).append(condition.column().header()).append(": ").append(cell);
                continue;
            }
            if (unsaid(criterion, cell, subject) || criterion == Criterion.NOT_RECEIVING && grantsItself(row, cell)
                    || criterion == Criterion.SEX && subject.person() != null && saysSexOtherwise(row, subject, names)) {
                continue;
            }
            if (criterion == Criterion.SEX && subject.person() != null) {
                // nobody says "the mother, 35, is a woman or a girl": the row's word on sex names its recipient instead
                Messages.formatTo(next(text, separator, clauses++), language, "criterion.SEX.recipient", names.nameAtEnd(subject.person()));
                named = true;
                continue;
            }
            String member = "";
            if (criterion.isMemberCondition() && subject.person() != null) {
                member = named ? names.pronoun(subject.person()) : names.name(subject.person());
                named = true;
            }
            describe(next(text, separator, clauses++), condition, subject, member, names, catalog);
        }
        if (clauses == 0) {
            Messages.formatTo(text, language, "criterion.none");
        }
        return sentence(text);
    }

    /** Where the next clause of a sentence goes: after the ones before it and the language's "and". */
    private static StringBuilder next(StringBuilder text, String separator, int before) {
        return before == 0 ? text : text.append(separator);
    }

    /**
     * Conditions not read aloud. Said elsewhere: the need in answersNeeds, the relation and age in the member's name ("the
     * son, 10"), which also says he is not of pension age. And the "no" that only tells a row from its neighbour: "she is
     * not pregnant" of a woman of 73, "the children are not raised by a single parent" of a couple without children.
     */
    private static boolean unsaid(Criterion criterion, String cell, Criterion.Subject subject) {
        boolean no = !Boolean.parseBoolean(cell.trim());
        return criterion == Criterion.NEED || criterion == Criterion.SINGLE_PARENT && no
                || subject.person() != null && (criterion == Criterion.RELATION || criterion == Criterion.AGE_AT_LEAST
                || criterion == Criterion.AGE_BELOW || (criterion == Criterion.PENSION_AGE || criterion == Criterion.PREGNANT) && no);
    }

    /**
     * "Not already receiving" the very service the row grants only keeps a one-off from being granted twice: "the family
     * does not already receive the payment for costly treatment" is no reason to read aloud for that payment.
     */
    private static boolean grantsItself(CompiledRuleSet.TracedRow row, String cell) {
        DecisionTable.Column service = row.table().column(DecisionTable.SERVICE_ACTION);
        return service != null && row.row().cell(service).trim().equals(cell.trim());
    }

    /**
     * Whether the member's sex goes without saying because other clauses about them are read: their name says it ("the
     * mother, 35"), or a pronoun will ("a relative, 40, keeps house; she is able to work"). Then "the mother, 35, is a
     * woman or a girl" is not read aloud.
     */
    private static boolean saysSexOtherwise(CompiledRuleSet.TracedRow row, Criterion.Subject subject, MemberNames names) {
        int others = 0;
        for (CompiledRuleSet.Condition condition : row.conditions()) {
            Criterion criterion = condition.criterion();
            if (criterion != null && criterion != Criterion.SEX && criterion.isMemberCondition() && !unsaid(criterion, condition.cell(), subject)) {
                others++;
            }
        }
        return others >= 1 && names.nameSaysSex(subject.person()) || others >= 2 && names.pronounSaysSex();
    }

    /** One condition in words, written at the end of {@code out}. */
    private static void describe(StringBuilder out, CompiledRuleSet.Condition condition, Criterion.Subject subject, String member,
                                 MemberNames names, ServiceCatalog catalog) {
        Wording wording = wording(condition, subject, member, names, catalog);
        Messages.formatTo(out, names.language(), wording.key(), wording.args());
    }

    /** A condition's sentence and its arguments. */
    private record Wording(String key, Object... args) {
    }

    /**
     * The sentence that says a condition holds, with its arguments: {0} the member (name or pronoun), {1} the actual
     * value, {2} the row's value(s), {3} a computed limit, {4} unused, {5} the member's sex (M/F, for agreement), {6}
     * another member's name.
     */
    private static Wording wording(CompiledRuleSet.Condition condition, Criterion.Subject subject, String member, MemberNames names,
                                   ServiceCatalog catalog) {
        Criterion criterion = condition.criterion();
        String cell = condition.cell();
        List<String> values = condition.values();
        Language language = names.language();
        Object actual = criterion.actual(subject);
        Keys keys = KEYS.get(criterion);
        String key = keys.plain();
        String sex = subject.person() == null ? "M" : subject.person().getSex();
        if (criterion == Criterion.NET_INCOME_BELOW_MSL && ((Number) actual).doubleValue() < 0) {
            // costs above the income: "-35,333 UZS per person is left" is not a thing to read aloud
            return new Wording(key + ".nothingLeft", member, -Math.round(((Number) actual).doubleValue()));
        }
        if (criterion == Criterion.HOUSING_TENURE && EVERY_HOME.equals(Set.copyOf(values))) {
            // every kind of home: the row asks only that the family has one (a ramp needs a house), not which
            return new Wording(key + ".anyHome", member);
        }
        return switch (criterion) {
            case LAND_ABOVE_LIMIT -> new Wording(keys.of(cell.trim()), member, subject.household().getLandPlotSqm(),
                    subject.household().getLandPlotLimitSqm());
            case LIVESTOCK_ABOVE_LIMIT -> new Wording(keys.of(cell.trim()), member, subject.household().getLivestockHeads(),
                    subject.household().getLivestockLimitHeads());
            case HAS_DEBT -> new Wording(keys.of(cell.trim()), member, subject.household().getDebtRepayments());
            case SINGLE_PARENT -> new Wording(keys.of(cell.trim()), member, subject.household().getChildrenCount());
            case HAS_GUARDIAN -> {
                PersonProfile guardian = names.household().stream().filter(p -> p.getRef().equals(subject.person().getGuardianRef())).findFirst().orElse(null);
                yield new Wording(keys.of(cell.trim()), member, null, null, null, null, sex, guardian == null ? "" : names.nameAtEnd(guardian));
            }
            case NOT_RECEIVING -> new Wording(key, member, null, catalog.find(cell.trim()).map(s -> s.name(language)).orElse(cell.trim()));
            default -> switch (criterion.kind()) {
                case IS -> new Wording(keys.of(Boolean.parseBoolean(cell.trim())), member, actual, null, null, null, sex);
                case ONE_OF -> {
                    String ofValue = key + "." + actual;
                    yield Messages.has(language, ofValue)
                            ? new Wording(ofValue, member, actual, null, null, null, sex)
                            : new Wording(key, member, Messages.value(language, criterion.name(), String.valueOf(actual)),
                            values(criterion, values, language), null, null, sex);
                }
                case CONTAINS_ANY -> {
                    List<String> matched = values.stream().filter(((Collection<?>) actual)::contains).toList();
                    String ofValue = matched.size() == 1 ? key + "." + matched.get(0) : null;
                    yield ofValue != null && Messages.has(language, ofValue)
                            ? new Wording(ofValue, member, null, null, null, null, sex)
                            : new Wording(key, member, values(criterion, matched, language), values(criterion, values, language),
                            null, null, sex);
                }
                case NOT_CONTAINS -> new Wording(key, member, null, Messages.value(language, cell.trim()));
                case AT_LEAST, AT_MOST, BELOW -> new Wording(key, member, actual, Double.parseDouble(cell), null, null, sex);
                case BELOW_MSL_TIMES, AT_LEAST_MSL_TIMES -> {
                    double multiplier = Double.parseDouble(cell);
                    yield new Wording(key, member, actual, multiplier, Math.round(subject.household().getMsl() * multiplier));
                }
            };
        };
    }

    static String values(Criterion criterion, List<String> codes, Language language) {
        return codes.stream().map(code -> Messages.value(language, criterion.name(), code)).collect(Collectors.joining(Messages.format(language, "sentence.or")));
    }

    /** A capital letter to start and a full stop to end. */
    static String sentence(String text) {
        if (text.isEmpty() || Character.toUpperCase(text.charAt(0)) == text.charAt(0) && text.endsWith(".")) {
            return text;
        }
        return sentence(new StringBuilder(text.length() + 1).append(text));
    }

    /**
     * The same in place: the sentences of the rows are most of an answer's words, and joining, capitalising and ending
     * each in copies of its own was 8 % of what the words allocate (EngineBenchmark.wordsOnly: 120 → 110 KB an answer).
     */
    static String sentence(StringBuilder text) {
        if (text.isEmpty()) {
            return "";
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        if (text.charAt(text.length() - 1) != '.') {
            text.append('.');
        }
        return text.toString();
    }

    /** A sentence to embed after a colon: no capital, no full stop. */
    static String clause(String sentence) {
        int end = sentence.endsWith(".") ? sentence.length() - 1 : sentence.length();
        if (end == 0) {
            return "";
        }
        return new StringBuilder(end).append(Character.toLowerCase(sentence.charAt(0))).append(sentence, 1, end).toString();
    }
}
