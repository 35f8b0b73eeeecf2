package uz.inson.assess.common;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
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
        Formats formats = FORMATS.get().computeIfAbsent(language, Formats::new);
        Sentence sentence = formats.sentences.get(key);
        if (sentence == null) {
            ResourceBundle bundle = BUNDLES.get(language);
            if (!bundle.containsKey(key)) {
                return key;
            }
            sentence = Sentence.of(bundle.getString(key), language);
            formats.sentences.put(key, sentence);
        }
        return sentence.format(args, formats);
    }

    /** One thread's parsed sentences and formatted numbers for one language. */
    private static final class Formats {
        /** Amounts, ages and limits recur from answer to answer, and ICU's formatter allocates afresh for each. */
        private static final int NUMBERS_KEPT = 4096;

        final Map<String, Sentence> sentences = new HashMap<>();
        private final Map<Number, String> formatted = new HashMap<>();
        /** The formatter MessageFormat itself uses for a number argument without a style. */
        private final NumberFormat numbers;

        Formats(Language language) {
            numbers = NumberFormat.getInstance(ULocale.forLocale(language.locale()));
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
     * A parsed sentence. Nearly all are text with plain arguments in between ("{0} is a child with a disability"): those
     * are put together here exactly as ICU would, without its general machinery (with its number formatting, about 40 %
     * of the words). A sentence with plural or select forms ("{1, plural, one {# год} …}") is left to ICU.
     */
    private sealed interface Sentence permits Template, Icu {
        String format(Object[] args, Formats formats);

        static Sentence of(String text, Language language) {
            MessageFormat icu = new MessageFormat(text, language.locale());
            MessagePattern pattern = new MessagePattern(icu.getApostropheMode()).parse(text);
            List<String> texts = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int previous = pattern.getPart(0).getLimit();
            for (int i = 1; i < pattern.countParts(); i++) {
                MessagePattern.Part part = pattern.getPart(i);
                literal.append(text, previous, part.getIndex());
                previous = part.getLimit();
                MessagePattern.Part.Type type = part.getType();
                if (type == MessagePattern.Part.Type.MSG_LIMIT) {
                    break;
                }
                if (type == MessagePattern.Part.Type.SKIP_SYNTAX) {
                    continue; // a quoting apostrophe
                }
                MessagePattern.Part number = pattern.getPart(i + 1);
                if (type != MessagePattern.Part.Type.ARG_START || part.getArgType() != MessagePattern.ArgType.NONE
                        || number.getType() != MessagePattern.Part.Type.ARG_NUMBER) {
                    return new Icu(icu);
                }
                texts.add(literal.toString());
                literal.setLength(0);
                numbers.add(number.getValue());
                names.add(pattern.getSubstring(number));
                i = pattern.getLimitPartIndex(i);
                previous = pattern.getPart(i).getLimit();
            }
            texts.add(literal.toString());
            return new Template(texts.toArray(String[]::new), numbers.stream().mapToInt(Integer::intValue).toArray(), names.toArray(String[]::new),
                    texts.stream().mapToInt(String::length).sum());
        }
    }

    /** Text, argument, text, …, text: {@code texts} has one more entry than {@code args}, and {@code length} characters. */
    private record Template(String[] texts, int[] args, String[] names, int length) implements Sentence {
        @Override
        public String format(Object[] values, Formats formats) {
            if (args.length == 0) {
                return texts[0];
            }
            StringBuilder out = new StringBuilder(length + 24 * args.length);
            for (int i = 0; i < args.length; i++) {
                out.append(texts[i]);
                int arg = args[i];
                // as ICU's MessageFormat does for an argument without a style (no dates are ever given)
                if (arg >= values.length) {
                    out.append('{').append(names[i]).append('}');
                } else if (values[arg] instanceof Number number) {
                    out.append(formats.number(number));
                } else {
                    out.append(values[arg]);
                }
            }
            return out.append(texts[args.length]).toString();
        }
    }

    private record Icu(MessageFormat format) implements Sentence {
        @Override
        public String format(Object[] args, Formats formats) {
            return format.format(args);
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
