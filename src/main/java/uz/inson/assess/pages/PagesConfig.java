package uz.inson.assess.pages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pages' session cookie. */
@ConfigMapping(prefix = "inson.pages")
public interface PagesConfig {
    /** Send the cookie only over TLS; off where dev and test run on plain http://localhost. */
    @WithDefault("true")
    boolean secureCookie();
}
