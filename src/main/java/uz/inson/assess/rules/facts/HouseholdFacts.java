package uz.inson.assess.rules.facts;

import uz.inson.assess.household.Household;
import uz.inson.assess.household.Registry;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The household as recorded, flattened for the rules. Derived indicators live in {@link HouseholdProfile}. */
public final class HouseholdFacts {
    private final String region;
    private final String housingTenure;
    private final String housingCondition;
    private final boolean hasUtilities;
    private final Set<String> registries;
    private final Set<String> receives;
    private final boolean assetsKnown;
    private final boolean ownsCar;
    private final long landPlotSqm;
    private final long livestockHeads;
    private final boolean business;
    private final long monthlyIncome;
    private final Long incomeLast3Months;
    private final long essentialExpenses;
    private final long debtRepayments;

    /** {@code receives} are catalogue codes already resolved past any merged duplicate. */
    public HouseholdFacts(Household household, Set<String> receives) {
        this.region = household.region().name();
        this.housingTenure = household.housing().tenure().name();
        this.housingCondition = household.housing().condition().name();
        this.hasUtilities = household.housing().hasUtilities();
        this.registries = household.registries().stream().map(Registry::name).collect(Collectors.toUnmodifiableSet());
        this.receives = Set.copyOf(receives);
        this.assetsKnown = household.assets() != null;
        this.ownsCar = assetsKnown && household.assets().car();
        this.landPlotSqm = assetsKnown ? household.assets().landPlotSqm() : 0;
        this.livestockHeads = assetsKnown ? household.assets().livestockHeads() : 0;
        this.business = assetsKnown && household.assets().business();
        this.monthlyIncome = household.monthlyIncome().total();
        List<Long> months = household.incomeLast3Months();
        this.incomeLast3Months = months == null ? null : months.stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        this.essentialExpenses = household.monthlyExpenses().essential();
        this.debtRepayments = household.monthlyExpenses().debt();
    }

    public String getRegion() { return region; }
    public String getHousingTenure() { return housingTenure; }
    public String getHousingCondition() { return housingCondition; }
    public boolean isHasUtilities() { return hasUtilities; }
    public Set<String> getRegistries() { return registries; }
    public Set<String> getReceives() { return receives; }
    /** False when the request left the assets out: means-tested cash then waits for them. */
    public boolean isAssetsKnown() { return assetsKnown; }
    public boolean isOwnsCar() { return ownsCar; }
    public long getLandPlotSqm() { return landPlotSqm; }
    public long getLivestockHeads() { return livestockHeads; }
    public boolean isBusiness() { return business; }
    /** Total income of the household this month, UZS. */
    public long getMonthlyIncome() { return monthlyIncome; }
    /** Total of the last three months, when the request gave them (decree PF-258 counts three months). */
    public Long getIncomeLast3Months() { return incomeLast3Months; }
    /** Housing, utilities, medical and education expenses, UZS per month. */
    public long getEssentialExpenses() { return essentialExpenses; }
    public long getDebtRepayments() { return debtRepayments; }
}
