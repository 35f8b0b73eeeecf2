package uz.inson.assess.common;

import com.ibm.icu.text.MessageFormat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
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
     * Parsed once per thread: MessageFormat is not thread-safe, and a clone of a shared one built its number formatter
     * again on every use (a fifth of the time of an answer in words).
     */
    private static final ThreadLocal<Map<Language, Map<String, MessageFormat>>> FORMATS = ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));

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
        Map<String, MessageFormat> formats = FORMATS.get().computeIfAbsent(language, l -> new HashMap<>());
        MessageFormat format = formats.get(key);
        if (format == null) {
            ResourceBundle bundle = BUNDLES.get(language);
            if (!bundle.containsKey(key)) {
                return key;
            }
            format = new MessageFormat(bundle.getString(key), language.locale());
            formats.put(key, format);
        }
        return format.format(args);
    }

    /** The name of a code value (LOW_INCOME, RENTED …) in the language, or the code itself when it has none. */
    public static String value(Language language, String code) {
        String key = "value." + code;
        return has(language, key) ? format(language, key) : code;
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
