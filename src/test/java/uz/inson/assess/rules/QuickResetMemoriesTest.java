package uz.inson.assess.rules;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.runtime.KieSession;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.population.PopulationGenerator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pooled sessions' quick reset: a session reused through it decides every household exactly as a new session
 * does. Were a memory or a segment left as the last household left it, a later household would find its tuples.
 */
class QuickResetMemoriesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    /** Every field of every fact, so that two sessions' facts compare by what they hold. */
    private static final ObjectMapper FACTS = new ObjectMapper().registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    @Test
    void aSessionReusedThroughTheQuickResetDecidesEachHouseholdAsANewSessionDoes() throws Exception {
        assertTrue(QuickResetMemories.available(), "this Drools no longer lets the quick reset in: the sessions reset the slow way");
        CompiledRuleSet ruleSet = new RuleSetCompiler().compile(RuleSetBundle.fromDirectory(Path.of(".")));
        KieSession reused = ruleSet.newSession();
        assertInstanceOf(QuickResetMemories.class, ((StatefulKnowledgeSessionImpl) reused).getNodeMemories());

        int facts = 0;
        int grants = 0;
        List<AssessmentRequest> households = generated(400);
        for (int i = 0; i < households.size(); i++) {
            AssessmentRequest request = households.get(i);
            KieSession fresh = ruleSet.newSession();
            RuleOutcome expected;
            List<String> expectedFacts;
            try {
                expected = ruleSet.run(fresh, request.household(), AS_OF);
                expectedFacts = facts(fresh);
            } finally {
                fresh.dispose();
            }
            ruleSet.run(reused, request.household(), AS_OF);
            assertEquals(expectedFacts, facts(reused), "the facts a reused session ends with, for household " + (i + 1));
            ((StatefulKnowledgeSessionImpl) reused).reset();
            assertEquals(0, reused.getFactCount(), "a reset session holds no facts");
            facts += expectedFacts.size();
            grants += expected.grants().size();
        }
        assertTrue(grants > 1_000 && facts > 10_000, "the households gave the rules something to do: " + grants + " grants, " + facts + " facts");
    }

    /**
     * Rules whose segments Drools links while their memories are empty (a {@code not}, an {@code accumulate}): after a
     * reset they must be linked again as a new session's are, or the next run's rule would not fire. The repository's
     * rules happen not to lean on that, so these do, in a reused session with every run alternating what it inserts.
     */
    @Test
    void rulesThatHoldOnNothingFireAgainAfterTheQuickReset() {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem().write("src/main/resources/quick/reset.drl", """
                package quick;
                rule "nobody spoke" when not String() then insert(Integer.valueOf(1)); end
                rule "somebody spoke" when exists String() then insert(Integer.valueOf(2)); end
                rule "how many numbers" when $n : Number(intValue < 100) from accumulate(Integer(), count(1)) then insert(Long.valueOf($n.longValue() + 100)); end
                rule "short words" when $s : String(length < 4) not Long(longValue > 100) then insert(Integer.valueOf(3)); end
                """);
        assertTrue(kie.newKieBuilder(files).buildAll().getResults().getMessages().isEmpty());
        KieBase rules = kie.newKieContainer(kie.getRepository().getDefaultReleaseId()).getKieBase();
        KieSession reused = rules.newKieSession();
        QuickResetMemories.install(reused);
        assertInstanceOf(QuickResetMemories.class, ((StatefulKnowledgeSessionImpl) reused).getNodeMemories());
        List<List<String>> runs = List.of(List.of("hello"), List.of(), List.of("hi", "there"), List.of(), List.of(), List.of("yes"));
        for (int round = 0; round < 3; round++) {
            for (List<String> words : runs) {
                KieSession fresh = rules.newKieSession();
                List<String> expected = numbers(fresh, words);
                fresh.dispose();
                assertEquals(expected, numbers(reused, words), "a reused session's run inserting " + words);
                ((StatefulKnowledgeSessionImpl) reused).reset();
            }
        }
    }

    private static List<String> numbers(KieSession session, List<String> words) {
        words.forEach(session::insert);
        int fired = session.fireAllRules();
        List<String> facts = new ArrayList<>();
        session.getObjects(Number.class::isInstance).forEach(n -> facts.add(n.getClass().getSimpleName() + " " + n));
        facts.sort(null);
        facts.add(fired + " fired");
        return facts;
    }

    private static List<AssessmentRequest> generated(int households) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PopulationGenerator(11, AS_OF).write(households, out);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<AssessmentRequest> requests = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            requests.add(json.readValue(line, AssessmentRequest.class));
        }
        return requests;
    }

    /** Each fact as its class and fields, sorted: the session's own order is not the point. */
    private static List<String> facts(KieSession session) throws Exception {
        List<String> facts = new ArrayList<>();
        for (Object fact : session.getObjects()) {
            facts.add(fact.getClass().getSimpleName() + FACTS.writeValueAsString(fact));
        }
        facts.sort(null);
        return facts;
    }
}
