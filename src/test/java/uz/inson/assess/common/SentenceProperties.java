package uz.inson.assess.common;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every sentence of every language reads exactly as ICU's MessageFormat would write it, plural and select forms
 * included, whatever it is given: ages and counts that take every plural form (1, 2, 5, 11, 21, 104 …), amounts, whole
 * and fractional multiples of the subsistence level, a sex, a yes or no, text, nothing, too few arguments; written
 * on its own and after other text.
 */
class SentenceProperties {
    private static final List<Sentence> SENTENCES = load();

    record Sentence(Language language, String key, String pattern) {
    }

    private static List<Sentence> load() {
        List<Sentence> sentences = new ArrayList<>();
        for (Language language : Language.values()) {
            Properties properties = MessageBundles.of(language);
            properties.stringPropertyNames().stream().sorted()
                    .forEach(key -> sentences.add(new Sentence(language, key, properties.getProperty(key))));
        }
        return sentences;
    }

    @Property(tries = 3000)
    void everySentenceReadsAsIcuWritesIt(@ForAll("sentences") Sentence sentence, @ForAll("arguments") List<Object> arguments) {
        Object[] args = arguments.toArray();
        String icu;
        try {
            icu = new com.ibm.icu.text.MessageFormat(sentence.pattern(), sentence.language().locale()).format(args);
        } catch (IllegalArgumentException e) {
            // a plural form given text: ICU refuses it, and so must we
            assertThrows(IllegalArgumentException.class, () -> Messages.format(sentence.language(), sentence.key(), args));
            assertThrows(IllegalArgumentException.class, () -> Messages.formatTo(new StringBuilder(), sentence.language(), sentence.key(), args));
            return;
        }
        assertEquals(icu, Messages.format(sentence.language(), sentence.key(), args), sentence.language() + " " + sentence.key());
        // written after what a sentence already holds, also where ICU takes over halfway (a fraction's plural form)
        StringBuilder out = new StringBuilder("Before; ");
        Messages.formatTo(out, sentence.language(), sentence.key(), args);
        assertEquals("Before; " + icu, out.toString(), sentence.language() + " " + sentence.key() + " written after other text");
    }

    @Provide
    Arbitrary<Sentence> sentences() {
        return Arbitraries.of(SENTENCES);
    }

    @Provide
    Arbitrary<List<Object>> arguments() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 130).map(Object.class::cast),
                Arbitraries.longs().between(0, 5_000_000).map(Object.class::cast),
                Arbitraries.of(0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 21.0, 1.001, 0.1).map(Object.class::cast),
                Arbitraries.of("M", "F", "true", "false", "other", "сын", "o'g'il", "{1}", "#").map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        return value.list().ofMinSize(0).ofMaxSize(8);
    }
}
