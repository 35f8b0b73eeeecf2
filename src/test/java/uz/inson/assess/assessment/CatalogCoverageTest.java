package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.ServiceCategory;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue is complete and every one of its services is reachable: some scenario household gets it, or, for help
 * open to everyone, every household hears of it when it asks for open services.
 */
@QuarkusTest
class CatalogCoverageTest {
    @Inject
    ActiveRuleSet active;
    @Inject
    ScenarioRunner runner;
    @Inject
    AssessmentEngine engine;
    @Inject
    AnswerWriter writer;

    @Test
    void catalogueHasAtLeast240ServicesInEveryCategory() {
        CompiledRuleSet ruleSet = active.get();
        assertTrue(ruleSet.catalog().all().size() >= 240, "services: " + ruleSet.catalog().all().size());
        Set<ServiceCategory> categories = ruleSet.catalog().all().stream().map(CatalogService::category).collect(Collectors.toSet());
        assertEquals(Set.of(ServiceCategory.values()), categories);
    }

    @Test
    void everyServiceOfTheCatalogueIsGrantedToSomeScenarioHousehold() throws IOException {
        CompiledRuleSet ruleSet = active.get();
        Set<String> reached = runner.run(ruleSet).stream()
                .filter(o -> o.actual() != null)
                .flatMap(o -> o.actual().eligibleServices().stream())
                .map(AssessmentResult.EligibleService::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unreached = ruleSet.catalog().all().stream().filter(s -> !s.openToAll()).map(CatalogService::code)
                .filter(code -> !reached.contains(code)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unreached.isEmpty(), unreached.size() + " services no scenario household gets: " + unreached);
    }

    @Test
    void helpOpenToEveryoneIsListedApartOnlyWhenAskedFor() throws IOException {
        CompiledRuleSet ruleSet = active.get();
        ScenarioRunner.Outcome any = runner.run(ruleSet).get(0);
        Decision decision = engine.decide(ruleSet, any.scenario().household(), any.scenario().asOf());
        Set<String> open = ruleSet.catalog().all().stream().filter(CatalogService::openToAll).map(CatalogService::code)
                .filter(code -> !decision.serviceCodes().contains(code)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(open.size() >= 5, "helplines and first consultations: " + open);
        AssessmentResult asked = writer.write(decision, uz.inson.assess.common.Language.en, false, true);
        assertEquals(open, asked.openServices().stream().map(AssessmentResult.OpenService::code).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(null, writer.write(decision, uz.inson.assess.common.Language.en, false, false).openServices());
    }
}
