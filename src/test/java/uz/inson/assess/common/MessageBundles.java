package uz.inson.assess.common;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The sentences of a language as written in its bundle, to hold {@link Messages} to them and to ICU. */
final class MessageBundles {
    private MessageBundles() {
    }

    static Properties of(Language language) {
        Properties properties = new Properties();
        try (var in = MessageBundles.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
