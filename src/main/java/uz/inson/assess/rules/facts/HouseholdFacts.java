package uz.inson.assess.rules.facts;

import uz.inson.assess.household.Household;
import uz.inson.assess.household.Registry;

import java.util.Set;
import java.util.stream.Collectors;

/** The household as recorded, flattened for the rules. Derived indicators live in {@link HouseholdProfile}. */
public final class HouseholdFacts {
    private final String region;
    private final String housingTenure;
    private final String housingCondition;
    private final boolean hasUtilities;
    private final Set<String> registries;
    private final boolean ownsCar;
    private final long monthlyIncome;
    private final long essentialExpenses;

    public HouseholdFacts(Household household) {
        this.region = household.region().name();
        this.housingTenure = household.housing().tenure().name();
        this.housingCondition = household.housing().condition().name();
        this.hasUtilities = household.housing().hasUtilities();
        this.registries = household.registries().stream().map(Registry::name).collect(Collectors.toUnmodifiableSet());
        this.ownsCar = household.assets().car();
        this.monthlyIncome = household.monthlyIncome().total();
        this.essentialExpenses = household.monthlyExpenses().essential();
    }

    public String getRegion() { return region; }
    public String getHousingTenure() { return housingTenure; }
    public String getHousingCondition() { return housingCondition; }
    public boolean isHasUtilities() { return hasUtilities; }
    public Set<String> getRegistries() { return registries; }
    public boolean isOwnsCar() { return ownsCar; }
    /** Total income of the household, UZS per month. */
    public long getMonthlyIncome() { return monthlyIncome; }
    /** Housing, utilities, medical and education expenses, UZS per month. */
    public long getEssentialExpenses() { return essentialExpenses; }
}
