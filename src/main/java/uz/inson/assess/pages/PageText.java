package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The words of the pages in one language ({@code i18n/pages_*.properties}); names of codes, places and documents come
 * from the service's own messages, so a page says exactly what the API says.
 */
@TemplateData
public final class PageText {
    private static final Map<Language, PageText> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, new PageText(language, ResourceBundle.getBundle("i18n.pages", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;

    private PageText(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    static PageText of(Language language) {
        return TEXTS.get(language);
    }

    public String lang() {
        return language.name();
    }

    /** The page's own words; the key itself when missing, so a gap shows instead of breaking the page. */
    public String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    /** A sentence of the pages with its argument filled in. */
    public String format(String key, Object arg) {
        return formatAll(key, arg);
    }

    public String format(String key, Object first, Object second) {
        return formatAll(key, first, second);
    }

    private String formatAll(String key, Object... args) {
        for (int i = 0; i < args.length; i++) {
            // ICU would print a date as a date-time in its own style; a case date reads as 2026-11-25 in every language
            if (args[i] instanceof java.time.temporal.TemporalAccessor date) {
                args[i] = date.toString();
            }
        }
        return new com.ibm.icu.text.MessageFormat(get(key), language.locale()).format(args);
    }

    /** The name of a code (RENTED, NAMANGAN, HIGH …) as the answers word it; the pages name the few the answers never do (M, F). */
    public String value(String code) {
        return bundle.containsKey("value." + code) ? bundle.getString("value." + code) : Messages.value(language, code);
    }

    public String area(String code) {
        return Messages.format(language, "area." + code);
    }

    public String document(String code) {
        return Messages.format(language, "document." + code);
    }

    public String place(String code) {
        return Messages.format(language, "applyAt." + code);
    }

    /** An amount in UZS the language's way: "1 620 000 so'm". */
    public String money(long amount) {
        return format("money", Messages.number(language, amount));
    }

    public String status(String code) {
        return get("status." + code);
    }

    public String frequency(String code) {
        return get("frequency." + code);
    }

    Language language() {
        return language;
    }
}
