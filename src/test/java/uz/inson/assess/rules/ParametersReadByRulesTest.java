package uz.inson.assess.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void aConsequenceThatLooksParametersUpTakesThemAll() {
        assertNull(ParametersInForce.readBy(List.of(
                "rule \"x\" when CaseDate() then System.out.println(drools.getKieRuntime().getObjects(o -> o instanceof Parameter)); end")));
    }
}
