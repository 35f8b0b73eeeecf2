package uz.inson.assess.rulesets;

import org.junit.jupiter.api.Test;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/services.md is the repository's rule set in plain words: a changed table without a regenerated page fails here. */
class PolicyDocumentTest {
    private static final Path PAGE = Path.of("docs/services.md");

    @Test
    void theCommittedPolicyPageIsGeneratedFromTheTablesAsTheyAre() throws Exception {
        CompiledRuleSet ruleSet = new RuleSetCompiler().compile(RuleSetBundle.fromDirectory(Path.of(".")));
        String generated = PolicyDocument.render(ruleSet);
        if (Boolean.getBoolean("inson.write-docs")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PAGE), "docs/services.md is missing: run ./mvnw test -Dtest=PolicyDocumentTest -Dinson.write-docs=true");
        assertEquals(generated, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/services.md is stale: run ./mvnw test -Dtest=PolicyDocumentTest -Dinson.write-docs=true");
        assertTrue(generated.contains("### CSH-001 "), "every service has its section");
    }
}
