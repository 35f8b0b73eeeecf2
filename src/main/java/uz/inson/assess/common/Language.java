package uz.inson.assess.common;

import java.util.List;
import java.util.Locale;

/** The three languages of the service; Uzbek (Latin script) is the default. */
public enum Language {
    uz, ru, en;

    private final Locale locale = Locale.forLanguageTag(name());

    /** Picks the language from {@code ?lang=} first, then the first supported Accept-Language entry, else Uzbek. */
    public static Language resolve(String lang, List<Locale> acceptable) {
        if (lang != null && !lang.isBlank()) {
            return of(lang).orElseThrow(() -> ProblemException.invalid("lang", "must be one of uz, ru, en"));
        }
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                var match = of(locale.getLanguage());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return uz;
    }

    private static java.util.Optional<Language> of(String code) {
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code)) {
                return java.util.Optional.of(language);
            }
        }
        return java.util.Optional.empty();
    }

    public Locale locale() {
        return locale;
    }
}
