package uz.inson.assess.rules.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The household's derived indicators for the case date. Built in one step by rules/indicators.drl and inserted only
 * when complete, so no table row ever sees a half-filled profile.
 */
public final class HouseholdProfile {
    private final HouseholdFacts facts;
    private final int size;
    private final int childrenCount;
    private final int workingAgeCount;
    private final int ableToWorkCount;
    private final int pensionAgeCount;
    private final int disabledCount;
    private final int carersCount;
    private final long perCapitaIncome;
    private final long perCapitaNetIncome;
    private final Double dependencyRatio;
    private final long msl;
    private final String registryCategory;
    private final Set<String> memberFlags;
    private final boolean landAboveLimit;
    private final boolean livestockAboveLimit;
    private final Thresholds limits;

    /** The dated thresholds of the parameters table that the household's indicators need. */
    public record Thresholds(double msl, double povertyRiskMultiplier, double adultAge, double landPlotLimitSqm, double livestockLimitHeads) {
    }

    private HouseholdProfile(HouseholdFacts facts, List<PersonProfile> people, Thresholds limits) {
        this.facts = facts;
        this.limits = limits;
        this.size = people.size();
        this.childrenCount = (int) people.stream().filter(p -> p.getAge() < limits.adultAge()).count();
        this.workingAgeCount = (int) people.stream().filter(PersonProfile::isWorkingAge).count();
        this.ableToWorkCount = (int) people.stream().filter(PersonProfile::isAbleToWork).count();
        this.pensionAgeCount = (int) people.stream().filter(PersonProfile::isPensionAge).count();
        this.disabledCount = (int) people.stream().filter(PersonProfile::isDisabled).count();
        // an adult who is not themselves highly dependent can look after the others
        this.carersCount = (int) people.stream().filter(p -> p.getAge() >= limits.adultAge() && !"HIGH".equals(p.getCareDependency())).count();
        // Per-capita income = three months' family income / members / 3 (PF-258); without the three months, this month's.
        long threeMonths = facts.getIncomeLast3Months() != null ? facts.getIncomeLast3Months() : Math.multiplyExact(facts.getMonthlyIncome(), 3);
        this.perCapitaIncome = Math.round(threeMonths / (double) size / 3);
        this.perCapitaNetIncome = Math.round((threeMonths / 3.0 - facts.getEssentialExpenses()) / size);
        this.msl = Math.round(limits.msl());
        if (perCapitaIncome >= msl * limits.povertyRiskMultiplier()) {
            registryCategory = RegistryCategory.NONE.name();
        } else if (perCapitaIncome >= msl) {
            registryCategory = RegistryCategory.AT_RISK_OF_POVERTY.name();
        } else if (ableToWorkCount == 0) {
            registryCategory = RegistryCategory.STATE_SUPPORTED.name();
        } else {
            registryCategory = RegistryCategory.LOW_INCOME.name();
        }
        this.dependencyRatio = workingAgeCount == 0 ? null
                : Math.round(100.0 * (childrenCount + pensionAgeCount) / workingAgeCount) / 100.0;
        Set<String> flags = new HashSet<>();
        people.forEach(p -> flags.addAll(p.getFlags()));
        this.memberFlags = Set.copyOf(flags);
        this.landAboveLimit = facts.getLandPlotSqm() >= limits.landPlotLimitSqm();
        this.livestockAboveLimit = facts.getLivestockHeads() >= limits.livestockLimitHeads();
    }

    /** Called by rules/indicators.drl once every member's profile exists. */
    public static HouseholdProfile of(HouseholdFacts facts, List<?> people, Thresholds limits) {
        return new HouseholdProfile(facts, people.stream().map(PersonProfile.class::cast).toList(), limits);
    }

    public String getRegion() { return facts.getRegion(); }
    public String getHousingTenure() { return facts.getHousingTenure(); }
    public String getHousingCondition() { return facts.getHousingCondition(); }
    public boolean isHasUtilities() { return facts.isHasUtilities(); }
    public Set<String> getRegistries() { return facts.getRegistries(); }
    public Set<String> getReceives() { return facts.getReceives(); }
    public boolean isAssetsKnown() { return facts.isAssetsKnown(); }
    public boolean isOwnsCar() { return facts.isOwnsCar(); }
    public long getLandPlotSqm() { return facts.getLandPlotSqm(); }
    public long getLivestockHeads() { return facts.getLivestockHeads(); }
    public boolean isBusiness() { return facts.isBusiness(); }
    public boolean isLandAboveLimit() { return landAboveLimit; }
    public boolean isLivestockAboveLimit() { return livestockAboveLimit; }
    public long getLandPlotLimitSqm() { return Math.round(limits.landPlotLimitSqm()); }
    public long getLivestockLimitHeads() { return Math.round(limits.livestockLimitHeads()); }
    public long getDebtRepayments() { return facts.getDebtRepayments(); }
    public long getMonthlyIncome() { return facts.getMonthlyIncome(); }
    public boolean isNoDeclaredIncome() { return facts.getMonthlyIncome() == 0 && (facts.getIncomeLast3Months() == null || facts.getIncomeLast3Months() == 0); }
    public boolean isIncomeFromThreeMonths() { return facts.getIncomeLast3Months() != null; }
    public long getEssentialExpenses() { return facts.getEssentialExpenses(); }
    public boolean isHasDebt() { return facts.getDebtRepayments() > 0; }

    public int getSize() { return size; }
    public int getChildrenCount() { return childrenCount; }
    public int getAdultsCount() { return size - childrenCount; }
    public int getWorkingAgeCount() { return workingAgeCount; }
    public int getAbleToWorkCount() { return ableToWorkCount; }
    public int getPensionAgeCount() { return pensionAgeCount; }
    public int getDisabledCount() { return disabledCount; }
    /** Adults who can look after the others: not themselves highly dependent on care. */
    public int getCarersCount() { return carersCount; }
    /** One adult living with children. */
    public boolean isSingleParent() { return childrenCount > 0 && getAdultsCount() == 1; }
    public long getPerCapitaIncome() { return perCapitaIncome; }
    /** Income after essential expenses, per person per month. */
    public long getPerCapitaNetIncome() { return perCapitaNetIncome; }
    /** Dependants (children and pension-age members) per working-age member; null when nobody is of working age. */
    public Double getDependencyRatio() { return dependencyRatio; }
    /** The minimum subsistence level in force on the case date, UZS per person per month. */
    public long getMsl() { return msl; }
    /** STATE_SUPPORTED, LOW_INCOME, AT_RISK_OF_POVERTY or NONE (unified social registry). */
    public String getRegistryCategory() { return registryCategory; }
    /** Every flag recorded for any member. */
    public Set<String> getMemberFlags() { return memberFlags; }
}
