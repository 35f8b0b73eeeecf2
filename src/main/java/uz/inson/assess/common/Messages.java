package uz.inson.assess.common;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The sentences and value names of the three languages ({@code i18n/messages_*.properties}). */
public final class Messages {
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle("i18n.messages", language.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    private Messages() {
    }

    public static boolean has(Language language, String key) {
        return BUNDLES.get(language).containsKey(key);
    }

    /** The sentence {@code key} with its arguments; numbers are formatted the language's way. */
    public static String format(Language language, String key, Object... args) {
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            formatted[i] = args[i] instanceof Number number ? number(language, number) : args[i];
        }
        try {
            return new MessageFormat(BUNDLES.get(language).getString(key), language.locale()).format(formatted);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The name of a code value (LOW_INCOME, RENTED …) in the language, or the code itself when it has none. */
    public static String value(Language language, String code) {
        String key = "value." + code;
        return has(language, key) ? format(language, key) : code;
    }

    public static String number(Language language, Number number) {
        NumberFormat format = NumberFormat.getNumberInstance(language == Language.en ? java.util.Locale.US : language.locale());
        format.setMaximumFractionDigits(2);
        return format.format(number);
    }
}
