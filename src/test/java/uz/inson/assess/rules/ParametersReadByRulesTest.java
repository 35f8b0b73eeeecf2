package uz.inson.assess.rules;

import org.junit.jupiter.api.Test;
import uz.inson.assess.household.Household;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/** Which parameters go into a session: the ones the rules' patterns name, or all of them when that cannot be told. */
class ParametersReadByRulesTest {
    private static final String INDICATORS = """
            package uz.inson.rules.indicators;
            import uz.inson.assess.rules.facts.Parameter;
            import uz.inson.assess.rules.facts.*;

            rule "Household size, income per person and registry category"
                salience -110
            when
                $household : HouseholdFacts()
                Parameter( name == "MSL", $msl : value )
                Parameter(name=="ADULT_AGE", $adultAge : value)
            then
                insert(HouseholdProfile.of($household, java.util.List.of(), null));
            end
            """;

    @Test
    void theNamesOfTheParameterPatternsAreRead() {
        assertEquals(Set.of("MSL", "ADULT_AGE"), ParametersInForce.readBy(List.of(INDICATORS, "rule \"no parameters\" when then end")));
    }

    @Test
    void rulesThatNameNoParameterNeedNone() {
        assertEquals(Set.of(), ParametersInForce.readBy(List.of("import uz.inson.assess.rules.facts.*;\nrule \"x\" when CaseDate() then end")));
    }

    @Test
    void aPatternWithoutALiteralNameTakesThemAll() {
        assertNull(ParametersInForce.readBy(List.of(INDICATORS, "rule \"any\" when Parameter( $name : name, value > 0 ) then end")));
        assertNull(ParametersInForce.readBy(List.of("rule \"first\" when $p : Parameter() then end")));
        assertNull(ParametersInForce.readBy(List.of("rule \"either\" when Parameter( name == \"MSL\" || name == \"ADULT_AGE\" ) then end")));
        assertNull(ParametersInForce.readBy(List.of(
                "rule \"nested\" when Parameter( name == \"MSL\", value > Math.max(1, 2) || name == \"ADULT_AGE\" ) then end")));
    }

    @Test
    void furtherConstraintsOnTheValueKeepTheName() {
        assertEquals(Set.of("MSL"), ParametersInForce.readBy(List.of(
                "rule \"x\" when Parameter( name == \"MSL\", value > Math.max(1, 2), $msl : value ) then end")));
    }

    /**
     * A rule set whose rules set a parameter themselves: every parameter goes into the session and the outcome gathers
     * them there, so the rule's parameter is read as before, and the repository's households decide as they do without it.
     */
    @Test
    void aParameterARuleInsertsIsReadFromTheSession() throws Exception {
        RuleSetBundle repository = RuleSetBundle.fromDirectory(Path.of("."));
        TreeMap<String, byte[]> files = new TreeMap<>(repository.files());
        files.put("rules/extra-allowance.drl", """
                package uz.inson.rules.extra;
                import uz.inson.assess.rules.facts.*;
                rule "An allowance set by a rule"
                when
                    CaseDate()
                then
                    Parameter parameter = new Parameter("EXTRA_ALLOWANCE", drools.getRule().getName());
                    parameter.setValue(150000);
                    insert(parameter);
                end
                """.getBytes(StandardCharsets.UTF_8));
        CompiledRuleSet plain = new RuleSetCompiler().compile(repository);
        CompiledRuleSet extended = new RuleSetCompiler().compile(new RuleSetBundle(repository.version(), files));
        Household family = household().wages(1_300_000).member("mother", "1990-01-01", F, HEAD, UNEMPLOYED).child("son", "2019-01-01", M).build();
        LocalDate asOf = LocalDate.of(2026, 11, 25);

        RuleOutcome before = plain.evaluate(family, asOf);
        RuleOutcome after = extended.evaluate(family, asOf);
        assertEquals(Optional.of(150_000.0), after.parameter("EXTRA_ALLOWANCE"));
        assertEquals(before.parameters().size() + 1, after.parameters().size());
        assertEquals(before.parameter("MSL"), after.parameter("MSL"));
        assertEquals(before.household().getRegistryCategory(), after.household().getRegistryCategory());
        assertEquals(before.grants().stream().map(g -> g.serviceCode() + g.memberRef()).toList(),
                after.grants().stream().map(g -> g.serviceCode() + g.memberRef()).toList());
    }

    @Test
    void aConsequenceThatLooksParametersUpTakesThemAll() {
        assertNull(ParametersInForce.readBy(List.of(
                "rule \"x\" when CaseDate() then System.out.println(drools.getKieRuntime().getObjects(o -> o instanceof Parameter)); end")));
    }
}
