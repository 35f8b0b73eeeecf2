package uz.inson.assess.common;

import java.util.Arrays;
import java.util.List;

/** A sentence kept as its message key and arguments, so it can be told later in whichever language the reader wants. */
public record Sentence(String key, List<String> args) {

    public static Sentence of(String key, Object... args) {
        return new Sentence(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    public String in(Language language) {
        return Messages.format(language, key, args.toArray());
    }

    @Override
    public String toString() {
        return in(Language.en);
    }
}
