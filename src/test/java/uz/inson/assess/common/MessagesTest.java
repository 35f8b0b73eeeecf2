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
    void anUnknownCodeIsShownAsItIs() {
        assertEquals("SOMETHING_NEW", Messages.value(Language.ru, "SOMETHING_NEW"));
    }
}
