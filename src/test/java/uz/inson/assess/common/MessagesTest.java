package uz.inson.assess.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {

    @Test
    void numbersAreGroupedTheWayEachLanguageWritesThem() {
        assertEquals("1,020,000", Messages.number(Language.en, 1_020_000L));
        assertEquals("1\u00a0020\u00a0000", Messages.number(Language.ru, 1_020_000L));
        assertEquals("972\u00a0000", Messages.number(Language.uz, 972_000.0));
        assertEquals("1.5", Messages.number(Language.en, 1.5));
        assertEquals("1,5", Messages.number(Language.ru, 1.5));
        assertEquals("0", Messages.number(Language.en, 0));
        assertEquals("-48,000", Messages.number(Language.en, -48_000L));
    }

    @Test
    void sentencesTakeTheirArgumentsAndApostrophesSurvive() {
        assertEquals("per-capita income 600,000 is below 1.5 × MSL = 1,080,000",
                Messages.format(Language.en, "criterion.INCOME_BELOW_MSL", "", 600_000L, 1.5, 1_080_000L));
        assertEquals("oilaning avtomobili yo'q", Messages.format(Language.uz, "criterion.OWNS_CAR.false"));
        assertEquals("women's notebook", Messages.value(Language.en, "WOMEN_NOTEBOOK"));
    }

    @Test
    void everySentenceExistsInAllThreeLanguages() throws java.io.IOException {
        java.util.Map<Language, java.util.Set<String>> keys = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            java.util.Properties properties = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/i18n/messages_" + language + ".properties")) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            keys.put(language, properties.stringPropertyNames());
        }
        assertEquals(keys.get(Language.en), keys.get(Language.ru), "ru differs from en");
        assertEquals(keys.get(Language.en), keys.get(Language.uz), "uz differs from en");
        for (String key : keys.get(Language.en)) {
            for (Language language : Language.values()) {
                // a sentence with an unbalanced quote or brace would throw here, or lose its arguments
                String told = Messages.format(language, key, "A", "B", "C", "D", "E", "F");
                org.junit.jupiter.api.Assertions.assertFalse(told.contains("{"), language + " " + key + ": " + told);
            }
        }
    }

    @Test
    void anUnknownCodeIsShownAsItIs() {
        assertEquals("SOMETHING_NEW", Messages.value(Language.ru, "SOMETHING_NEW"));
    }
}
