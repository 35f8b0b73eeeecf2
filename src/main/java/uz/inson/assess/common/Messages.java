package uz.inson.assess.common;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The sentences and value names of the three languages ({@code i18n/messages_*.properties}), as ICU message formats:
 * numbers are grouped the language's way ("1 620 000" in Uzbek and Russian), and {@code plural} and {@code select}
 * give "10 лет" but "21 год", "она" but "он".
 */
public final class Messages {
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);
    /**
     * Parsed once per thread: MessageFormat and ICU's number formatter are not thread-safe, and a clone of a shared one
     * built its number formatter again on every use.
     */
    private static final ThreadLocal<Map<Language, Formats>> FORMATS = ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle("i18n.messages", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    private Messages() {
    }

    public static boolean has(Language language, String key) {
        return BUNDLES.get(language).containsKey(key);
    }

    /** The sentence {@code key} with its arguments; numbers are formatted the language's way. */
    public static String format(Language language, String key, Object... args) {
        Formats formats = formats(language);
        Sentence sentence = formats.sentence(key);
        return sentence == null ? key : sentence.format(args, formats);
    }

    /**
     * The same, written at the end of {@code out}: a row's reason is several clauses in one sentence, and writing each
     * into a string of its own and then into the sentence copied every clause twice (docs/performance-history.md).
     */
    public static void formatTo(StringBuilder out, Language language, String key, Object... args) {
        Formats formats = formats(language);
        Sentence sentence = formats.sentence(key);
        if (sentence == null) {
            out.append(key);
        } else {
            sentence.formatTo(out, args, formats);
        }
    }

    private static Formats formats(Language language) {
        return FORMATS.get().computeIfAbsent(language, Formats::new);
    }

    /** One thread's parsed sentences and formatted numbers for one language. */
    private static final class Formats {
        /** Amounts, ages and limits recur from answer to answer, and ICU's formatter allocates afresh for each. */
        private static final int NUMBERS_KEPT = 4096;

        private final Language language;
        private final Map<String, Sentence> sentences = new HashMap<>();
        /**
         * Where a sentence is put together before it becomes a string: one per thread and language, reused. A builder of
         * its own for each sentence was allocated, then widened for the first Cyrillic letter or Uzbek ʻ, then copied.
         */
        final StringBuilder scratch = new StringBuilder(256);
        private final Map<Number, String> formatted = new HashMap<>();
        /** The formatter MessageFormat itself uses for a number argument without a style. */
        private final NumberFormat numbers;
        /** The cardinal plural rules MessageFormat chooses a plural form by. */
        final PluralRules plurals;

        Formats(Language language) {
            this.language = language;
            ULocale locale = ULocale.forLocale(language.locale());
            numbers = NumberFormat.getInstance(locale);
            plurals = PluralRules.forLocale(locale, PluralRules.PluralType.CARDINAL);
        }

        /** The sentence {@code key}, parsed at its first use; null when the language has none. */
        Sentence sentence(String key) {
            Sentence sentence = sentences.get(key);
            if (sentence == null) {
                ResourceBundle bundle = BUNDLES.get(language);
                if (!bundle.containsKey(key)) {
                    return null;
                }
                sentence = Sentence.of(bundle.getString(key), language);
                sentences.put(key, sentence);
            }
            return sentence;
        }

        String number(Number number) {
            String text = formatted.get(number);
            if (text == null) {
                if (formatted.size() == NUMBERS_KEPT) {
                    formatted.clear();
                }
                text = numbers.format(number);
                formatted.put(number, text);
            }
            return text;
        }
    }

    /**
     * A parsed sentence, put together here exactly as ICU's MessageFormat would, without its general machinery (with its
     * number formatting, about 40 % of the words): text, plain arguments, and the plural and select forms chosen by ICU's
     * own rules ("{1, plural, one {# год} few {# года} other {# лет}}", "{5, select, F {она} other {он}}"). Whatever
     * this does not know (a plural of a fraction that no "=" form names, a plural given text, a styled or named argument)
     * is left to ICU.
     */
    private sealed interface Sentence permits Parsed, Icu {
        String format(Object[] args, Formats formats);

        void formatTo(StringBuilder out, Object[] args, Formats formats);

        static Sentence of(String text, Language language) {
            MessageFormat icu = new MessageFormat(text, language.locale());
            MessagePattern pattern = new MessagePattern(icu.getApostropheMode()).parse(text);
            try {
                return new Parsed(pieces(pattern, 0), icu);
            } catch (UnsupportedOperationException e) {
                return new Icu(icu);
            }
        }

        /** The pieces of the message that starts at part {@code start}, read as ICU's MessageFormat.format reads them. */
        private static Piece[] pieces(MessagePattern pattern, int start) {
            String text = pattern.getPatternString();
            List<Piece> pieces = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int previous = pattern.getPart(start).getLimit();
            for (int i = start + 1; ; i++) {
                MessagePattern.Part part = pattern.getPart(i);
                literal.append(text, previous, part.getIndex());
                MessagePattern.Part.Type type = part.getType();
                if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                    if (!literal.isEmpty() || pieces.isEmpty()) {
                        pieces.add(new Text(literal.toString()));
                    }
                    return pieces.toArray(Piece[]::new);
                }
                previous = part.getLimit();
                if (type != MessagePattern.Part.Type.ARG_START && type != MessagePattern.Part.Type.REPLACE_NUMBER) {
                    continue; // a quoting apostrophe
                }
                if (!literal.isEmpty()) {
                    pieces.add(new Text(literal.toString()));
                    literal.setLength(0);
                }
                if (type == MessagePattern.Part.Type.REPLACE_NUMBER) {
                    pieces.add(new PluralNumber());
                    continue;
                }
                MessagePattern.Part id = pattern.getPart(i + 1);
                if (id.getType() != MessagePattern.Part.Type.ARG_NUMBER) {
                    throw new UnsupportedOperationException("a named argument");
                }
                int limit = pattern.getLimitPartIndex(i);
                String name = pattern.getSubstring(id);
                pieces.add(switch (part.getArgType()) {
                    case NONE -> new Argument(id.getValue(), name);
                    case PLURAL, SELECT -> forms(pattern, i + 2, id.getValue(), name, part.getArgType() == MessagePattern.ArgType.PLURAL);
                    default -> throw new UnsupportedOperationException("a styled argument");
                });
                i = limit;
                previous = pattern.getPart(limit).getLimit();
            }
        }

        /** The forms of a plural or select argument whose style begins at part {@code style}. */
        private static Forms forms(MessagePattern pattern, int style, int argument, String name, boolean plural) {
            if (plural && pattern.getPluralOffset(style) != 0) {
                throw new UnsupportedOperationException("a plural offset");
            }
            List<String> keywords = new ArrayList<>();
            List<Double> exactly = new ArrayList<>();
            List<Piece[]> messages = new ArrayList<>();
            Piece[] other = null;
            for (int i = style; pattern.getPartType(i) != MessagePattern.Part.Type.ARG_LIMIT; i = pattern.getLimitPartIndex(i) + 1) {
                if (pattern.getPartType(i).hasNumericValue()) {
                    continue; // the offset, 0
                }
                String selector = pattern.getSubstring(pattern.getPart(i++));
                double value = Double.NaN;
                if (pattern.getPartType(i).hasNumericValue()) {
                    value = pattern.getNumericValue(pattern.getPart(i++));
                }
                Piece[] message = pieces(pattern, i);
                if (Double.isNaN(value) && selector.equals("other")) {
                    other = other == null ? message : other; // the first "other" counts, as in ICU
                } else {
                    keywords.add(Double.isNaN(value) ? selector : null);
                    exactly.add(value);
                    messages.add(message);
                }
            }
            return new Forms(argument, name, plural, keywords.toArray(String[]::new), exactly.stream().mapToDouble(Double::doubleValue).toArray(),
                    messages.toArray(Piece[][]::new), other, keywords.stream().anyMatch(keyword -> keyword != null));
        }
    }

    /** Part of a sentence. */
    private sealed interface Piece permits Text, Argument, Forms, PluralNumber {
    }

    private record Text(String text) implements Piece {
    }

    /** {0}: a number formatted the language's way, anything else as its text. */
    private record Argument(int index, String name) implements Piece {
    }

    /** #: the number of the plural form it stands in. */
    private record PluralNumber() implements Piece {
    }

    /**
     * The forms of a plural or select argument, in the sentence's order but for "other": {@code exactly[i]} is the
     * number of an "=2" form (NaN for a keyword form), {@code keywords[i]} the keyword of the others (null for an "="
     * form); {@code keywordForms}: whether any form has a keyword but "other".
     */
    private record Forms(int index, String name, boolean plural, String[] keywords, double[] exactly, Piece[][] messages,
                         Piece[] other, boolean keywordForms) implements Piece {
        /** The form ICU would choose, or null where only ICU can tell (a plural of a fraction that no "=" form names). */
        Piece[] choose(Object value, PluralRules rules) {
            if (!plural) {
                return byKeyword(value.toString());
            }
            double number = ((Number) value).doubleValue();
            for (int i = 0; i < exactly.length; i++) {
                if (exactly[i] == number) {
                    return messages[i]; // an "=" form wins wherever it stands
                }
            }
            if (!keywordForms) {
                return other; // ICU asks the plural rules only where a form other than "other" may be chosen
            }
            if (!whole(value)) {
                return null; // ICU chooses by the digits the number is written with
            }
            return byKeyword(rules.select(number));
        }

        /** The first form of {@code keyword}, else the first "other", as ICU chooses. */
        private Piece[] byKeyword(String keyword) {
            for (int i = 0; i < keywords.length; i++) {
                if (keyword.equals(keywords[i])) {
                    return messages[i];
                }
            }
            return other;
        }

        private static boolean whole(Object value) {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return true;
            }
            double number = ((Number) value).doubleValue();
            return (value instanceof Double || value instanceof Float) && number == Math.rint(number) && Math.abs(number) < 1e15;
        }
    }

    private record Parsed(Piece[] pieces, MessageFormat icu) implements Sentence {
        @Override
        public String format(Object[] values, Formats formats) {
            if (pieces.length == 1 && pieces[0] instanceof Text text) {
                return text.text();
            }
            StringBuilder out = formats.scratch;
            out.setLength(0);
            return write(pieces, values, null, formats, out) ? out.toString() : icu.format(values);
        }

        @Override
        public void formatTo(StringBuilder out, Object[] values, Formats formats) {
            int start = out.length();
            if (!write(pieces, values, null, formats, out)) {
                out.setLength(start);
                out.append(icu.format(values));
            }
        }

        /** Writes {@code pieces} as ICU would; false where only ICU can (and the sentence is then left to it). */
        private static boolean write(Piece[] pieces, Object[] values, Number pluralNumber, Formats formats, StringBuilder out) {
            for (Piece piece : pieces) {
                if (piece instanceof Text text) {
                    out.append(text.text());
                } else if (piece instanceof PluralNumber) {
                    out.append(formats.number(pluralNumber));
                } else if (piece instanceof Argument argument) {
                    Object value = argument.index() < values.length ? values[argument.index()] : null;
                    if (argument.index() >= values.length) {
                        out.append('{').append(argument.name()).append('}');
                    } else if (value instanceof Number number) {
                        out.append(formats.number(number));
                    } else if (value instanceof java.util.Date || value instanceof java.util.Calendar || value instanceof java.time.temporal.Temporal) {
                        return false; // ICU writes a date its own way; no sentence is given one
                    } else {
                        out.append(value); // "null" for null, as ICU writes it
                    }
                } else if (piece instanceof Forms forms) {
                    Object value = forms.index() < values.length ? values[forms.index()] : null;
                    if (forms.index() >= values.length) {
                        out.append('{').append(forms.name()).append('}');
                    } else if (value == null) {
                        out.append("null");
                    } else if (forms.plural() && !(value instanceof Number)) {
                        return false; // ICU refuses it
                    } else {
                        Piece[] chosen = forms.choose(value, formats.plurals);
                        if (chosen == null || !write(chosen, values, forms.plural() ? (Number) value : pluralNumber, formats, out)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    private record Icu(MessageFormat format) implements Sentence {
        @Override
        public String format(Object[] args, Formats formats) {
            return format.format(args);
        }

        @Override
        public void formatTo(StringBuilder out, Object[] args, Formats formats) {
            out.append(format.format(args));
        }
    }

    /** The name of a code value (LOW_INCOME, RENTED …) in the language, or the code itself when it has none. */
    public static String value(Language language, String code) {
        String key = "value." + code;
        return has(language, key) ? format(language, key) : code;
    }

    /**
     * A code of one condition's vocabulary in words: {@code value.<criterion>.<code>} where one code means different
     * things in different vocabularies (NONE: no disability, no care needed, above the poverty line), else as above.
     */
    public static String value(Language language, String criterion, String code) {
        String key = "value." + criterion + "." + code;
        return has(language, key) ? format(language, key) : value(language, code);
    }

    /** 1,020,000 and 1.5 in English; 1 020 000 and 1,5 in Russian and Uzbek (no-break spaces). */
    public static String number(Language language, Number number) {
        BigDecimal value = new BigDecimal(number.toString()).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        char group = language == Language.en ? ',' : '\u00a0';
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(group);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(language == Language.en ? '.' : ',').append(plain, dot + 1, Math.min(plain.length(), dot + 3));
        }
        return (value.signum() < 0 ? "-" : "") + out;
    }
}
