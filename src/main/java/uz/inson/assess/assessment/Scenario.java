package uz.inson.assess.assessment;

import uz.inson.assess.household.Household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A worked example kept with the rule set (OpenFisca style): a sentence naming the case, the household, and what the
 * rules must conclude. Services listed must be granted, {@code absentServices} must not be; where given, the areas of
 * need must be exactly {@code needs}, amounts, beneficiaries and the package must match, and {@code questions} (request
 * fields such as {@code members[1].impairments}) must be asked.
 */
public record Scenario(String name, LocalDate asOf, Household household, Expected expected) {

    public record Expected(List<String> services, List<String> absentServices, String riskLevel, String casePath, List<String> needs,
                           Map<String, Long> amounts, Map<String, List<String>> beneficiaries,
                           @com.fasterxml.jackson.annotation.JsonProperty("package") Package cashPackage, List<String> questions,
                           String meansTest) {
        public Expected {
            services = services == null ? List.of() : List.copyOf(services);
            absentServices = absentServices == null ? List.of() : List.copyOf(absentServices);
            amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
            beneficiaries = beneficiaries == null ? Map.of() : Map.copyOf(beneficiaries);
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** The package's figures a scenario pins; any left out is not checked. */
    public record Package(Long monthlyCashUzs, Long oneOffCashUzs, Long yearlyCashUzs) {
    }
}
