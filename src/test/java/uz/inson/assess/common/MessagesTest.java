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
        assertEquals("the income per person, 600,000 UZS, is below one and a half times the minimum subsistence level (1,080,000 UZS)",
                Messages.format(Language.en, "criterion.INCOME_BELOW_MSL", "", 600_000L, 1.5, 1_080_000L));
        assertEquals("доход на человека, 600\u00a0000 сумов, ниже полуторного размера минимальных потребительских расходов (1\u00a0080\u00a0000 сумов)",
                Messages.format(Language.ru, "criterion.INCOME_BELOW_MSL", "", 600_000L, 1.5, 1_080_000L));
        // a multiple of the subsistence level is said in words where one is usual, not "1 ×" or "0.5 ×"
        assertEquals("jon boshiga daromad, 600\u00a0000 so'm, eng kam iste'mol xarajatlaridan (720\u00a0000 so'm) kam",
                Messages.format(Language.uz, "criterion.INCOME_BELOW_MSL", "", 600_000L, 1.0, 720_000L));
        assertEquals("the income per person, 300,000 UZS, is below half the minimum subsistence level (360,000 UZS)",
                Messages.format(Language.en, "criterion.INCOME_BELOW_MSL", "", 300_000L, 0.5, 360_000L));
        assertEquals("the income per person, 1,700,000 UZS, is below 2.5 times the minimum subsistence level (1,800,000 UZS)",
                Messages.format(Language.en, "criterion.INCOME_BELOW_MSL", "", 1_700_000L, 2.5, 1_800_000L));
        assertEquals("oilaning avtomobili yo'q", Messages.format(Language.uz, "criterion.OWNS_CAR.false"));
        assertEquals("women's notebook", Messages.value(Language.en, "WOMEN_NOTEBOOK"));
    }

    @Test
    void everySentenceExistsInAllThreeLanguages() {
        java.util.Map<Language, java.util.Set<String>> keys = new java.util.EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            java.util.Properties properties = MessageBundles.of(language);
            keys.put(language, properties.stringPropertyNames());
        }
        assertEquals(keys.get(Language.en), keys.get(Language.ru), "ru differs from en");
        assertEquals(keys.get(Language.en), keys.get(Language.uz), "uz differs from en");
        for (String key : keys.get(Language.en)) {
            for (Language language : Language.values()) {
                // a sentence with an unbalanced quote or brace would throw here, or lose its arguments; members are
                // text, counts and amounts numbers, {5} a sex for agreement
                String told = Messages.format(language, key, "A", 1, 2, 3, 4, "F", "G");
                org.junit.jupiter.api.Assertions.assertFalse(told.contains("{"), language + " " + key + ": " + told);
            }
        }
    }

    /**
     * Sentences are put together without ICU's MessageFormat: every sentence of every language must read exactly as ICU
     * would write it, whatever it is given (text, whole and fractional amounts, nothing, too few arguments). The numbers
     * are given twice, the second time as remembered from the first; each sentence is also written after other text, as
     * a row's clauses are. {@link SentenceProperties} tries many more.
     */
    @Test
    void everySentenceReadsExactlyAsIcuWouldWriteIt() {
        Object[][] argumentSets = {
                {"o'g'il (10 yosh)", "{1}", "‘a’", "'", "«b»", "F", "сын"},
                {"x", 1_234_567L, 1.5, 720_000, 0.25, "M", "y", 8L},
                {"x", 1_234_567L, 1.5, 720_000, 0.25, "M", "y", 8L},
                {null, null, null, null, null, null, null},
                {"a", -48_000L},
                {},
                // counts that take each plural form (one, few, many, other; =0, =1), a yes for a select
                {"x", 1, 2, 5, 21, "F", true, 11L},
                {"x", 0, 1.0, 0.5, 104, "M", false, 3},
        };
        for (Language language : Language.values()) {
            java.util.Properties properties = MessageBundles.of(language);
            int compared = 0;
            for (String key : properties.stringPropertyNames()) {
                for (Object[] args : argumentSets) {
                    String icu;
                    try {
                        icu = new com.ibm.icu.text.MessageFormat(properties.getProperty(key), language.locale()).format(args);
                    } catch (IllegalArgumentException e) {
                        continue; // a plural form given text: never asked for, and refused as ICU refuses it
                    }
                    assertEquals(icu, Messages.format(language, key, args), language + " " + key);
                    StringBuilder out = new StringBuilder("Before; ");
                    Messages.formatTo(out, language, key, args);
                    assertEquals("Before; " + icu, out.toString(), language + " " + key + " written after other text");
                    compared++;
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(compared > 5 * properties.size(), language + ": only " + compared);
        }
    }

    @Test
    void pluralsAndGenderAgreeWithTheNumberAndTheMember() {
        assertEquals("сын (10 лет)", Messages.format(Language.ru, "member.named", "сын", 10));
        assertEquals("дочь (21 год)", Messages.format(Language.ru, "member.named", "дочь", 21));
        assertEquals("бабушка (84 года)", Messages.format(Language.ru, "member.named", "бабушка", 84));
        assertEquals("the son, 10,", Messages.format(Language.en, "member.named", "the son", 10));
        assertEquals("o'g'il (10 yosh)", Messages.format(Language.uz, "member.named", "o'g'il", 10));
        assertEquals("она трудоспособна", Messages.format(Language.ru, "criterion.ABLE_TO_WORK.true", "она", null, null, null, null, "F"));
        assertEquals("он трудоспособен", Messages.format(Language.ru, "criterion.ABLE_TO_WORK.true", "он", null, null, null, null, "M"));
        assertEquals("в семье 3 ребёнка", Messages.format(Language.ru, "criterion.CHILDREN_AT_LEAST", "", 3));
        assertEquals("в семье 5 детей", Messages.format(Language.ru, "criterion.CHILDREN_AT_LEAST", "", 5));
    }

    @Test
    void anUnknownCodeIsShownAsItIs() {
        assertEquals("SOMETHING_NEW", Messages.value(Language.ru, "SOMETHING_NEW"));
    }
}
