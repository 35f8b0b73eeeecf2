package uz.inson.assess.assessment;

import uz.inson.assess.household.Household;

import java.time.LocalDate;
import java.util.List;

/**
 * A worked example kept with the rule set (OpenFisca style): a sentence naming the case, the household, and what the
 * rules must conclude. Services listed must be granted; {@code absentServices} must not be.
 */
public record Scenario(String name, LocalDate asOf, Household household, Expected expected) {

    public record Expected(List<String> services, List<String> absentServices, String riskLevel, String casePath) {
        public Expected {
            services = services == null ? List.of() : List.copyOf(services);
            absentServices = absentServices == null ? List.of() : List.copyOf(absentServices);
        }
    }
}
