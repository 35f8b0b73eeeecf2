package uz.inson.assess.rules;

import org.junit.jupiter.api.Test;
import uz.inson.assess.support.RuleSets;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launch's compile of the repository's rule set: begun once, handed to whoever asks with the same settings. */
class RepositoryRuleSetTest {

    @Test
    void theRepositorysBundleIsCompiledOnceForTheSameSettings() throws Exception {
        RepositoryRuleSet.Launch first = RepositoryRuleSet.start(Path.of("."), false);
        RepositoryRuleSet.Launch again = RepositoryRuleSet.start(Path.of("."), false);
        RepositoryRuleSet.Launch taken = RepositoryRuleSet.take(Path.of("."), false);

        assertSame(first, again, "asked twice, the configuration phase begins one compile");
        assertSame(first, taken, "the container adopts the compile the configuration phase began");
        assertNotSame(taken, RepositoryRuleSet.take(Path.of("."), false), "once taken, the launch no longer holds it");
        assertEquals(RuleSets.REPOSITORY_VERSION, first.bundle().orElseThrow().version());
        CompiledRuleSet compiled = first.compiled().get(2, TimeUnit.MINUTES);
        assertEquals(first.bundle().orElseThrow().hash(), compiled.hash());
    }

    @Test
    void otherSettingsStartOverAndNoBundleMeansNothingToCompile() {
        RepositoryRuleSet.Launch none = RepositoryRuleSet.start(Path.of("target/no-such-bundle"), false);

        assertTrue(none.bundle().isEmpty());
        assertFalse(none.compiled().isDone(), "nothing was begun");
    }
}
