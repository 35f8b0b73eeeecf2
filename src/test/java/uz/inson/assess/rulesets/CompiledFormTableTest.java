package uz.inson.assess.rulesets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** Rules one compile made are kept in the database, read by the next compile of the same rules, and forgotten when unread. */
@QuarkusTest
class CompiledFormTableTest {
    @Inject
    RuleSetCompiler compiler;
    @Inject
    CompiledFormTable table;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    @Test
    void rulesCompiledOnceAreReadByTheNextCompileAndForgottenAfterAMonthUnread() throws Exception {
        // rules no build has seen, new at every run: the repository's with a comment added to one rule file
        RuleSetBundle repository = RuleSetBundle.fromDirectory(Path.of("."));
        TreeMap<String, byte[]> files = new TreeMap<>(repository.files());
        String comment = "\n// " + UUID.randomUUID() + "\n";
        files.computeIfPresent("rules/risk.drl", (path, bytes) -> (new String(bytes, StandardCharsets.UTF_8) + comment).getBytes(StandardCharsets.UTF_8));
        RuleSetBundle bundle = new RuleSetBundle(repository.version(), files);

        Set<String> before = keys();
        CompiledRuleSet compiled = compiler.compile(bundle);
        assertFalse(compiled.compile().compiledBefore());
        Set<String> kept = new HashSet<>(keys());
        kept.removeAll(before);
        assertEquals(1, kept.size(), "the rules' form kept (the parameters' came with the build): " + kept);
        String key = kept.iterator().next();

        CompiledRuleSet read = compiler.compile(bundle);
        assertTrue(read.compile().compiledBefore(), "the second compile read the rules the first kept");
        Household family = household().wages(1_300_000).member("mother", "1990-01-01", F, HEAD, UNEMPLOYED).child("son", "2019-01-01", M).build();
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        RuleOutcome expected = compiled.evaluate(family, asOf);
        assertTrue(expected.grants().size() > 3, "a family the rules grant services");
        assertEquals(expected.grants(), read.evaluate(family, asOf).grants());

        // unread for 29 days (by the service's clock) it stays; for 31, it goes
        readDaysAgo(key, 29);
        table.sweep();
        assertTrue(keys().contains(key));
        readDaysAgo(key, 31);
        table.sweep();
        assertFalse(keys().contains(key));
        assertFalse(compiler.compile(bundle).compile().compiledBefore(), "forgotten, the rules are compiled again");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from compiled_form where key = ?1")
                .setParameter(1, key).executeUpdate());
    }

    private Set<String> keys() {
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("select key from compiled_form").getResultList());
        Set<String> all = new HashSet<>();
        keys.forEach(key -> all.add(key.toString()));
        return all;
    }

    private void readDaysAgo(String key, int days) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update compiled_form set read_at = ?1 where key = ?2")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(days)))).setParameter(2, key).executeUpdate());
    }
}
