package uz.inson.assess.rules.facts;

import java.util.Set;

/**
 * The household's derived indicators for the case date. Built in one step by rules/indicators.drl and inserted
 * only when complete, so no table row ever sees a half-filled profile.
 */
public final class HouseholdProfile {
    private final HouseholdFacts facts;
    private int size;
    private int childrenCount;
    private int workingAgeCount;
    private int ableToWorkCount;
    private int pensionAgeCount;
    private int disabledCount;
    private long perCapitaIncome;
    private long perCapitaNetIncome;
    private Double dependencyRatio;
    private long msl;
    private String registryCategory;
    private Set<String> memberFlags = Set.of();

    public HouseholdProfile(HouseholdFacts facts) {
        this.facts = facts;
    }

    public String getRegion() { return facts.getRegion(); }
    public String getHousingTenure() { return facts.getHousingTenure(); }
    public String getHousingCondition() { return facts.getHousingCondition(); }
    public boolean isHasUtilities() { return facts.isHasUtilities(); }
    public Set<String> getRegistries() { return facts.getRegistries(); }
    public boolean isOwnsCar() { return facts.isOwnsCar(); }
    public long getMonthlyIncome() { return facts.getMonthlyIncome(); }
    public long getEssentialExpenses() { return facts.getEssentialExpenses(); }

    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
    public int getChildrenCount() { return childrenCount; }
    public void setChildrenCount(int childrenCount) { this.childrenCount = childrenCount; }
    public int getAdultsCount() { return size - childrenCount; }
    public int getWorkingAgeCount() { return workingAgeCount; }
    public void setWorkingAgeCount(int workingAgeCount) { this.workingAgeCount = workingAgeCount; }
    public int getAbleToWorkCount() { return ableToWorkCount; }
    public void setAbleToWorkCount(int ableToWorkCount) { this.ableToWorkCount = ableToWorkCount; }
    public int getPensionAgeCount() { return pensionAgeCount; }
    public void setPensionAgeCount(int pensionAgeCount) { this.pensionAgeCount = pensionAgeCount; }
    public int getDisabledCount() { return disabledCount; }
    public void setDisabledCount(int disabledCount) { this.disabledCount = disabledCount; }
    /** One adult living with children. */
    public boolean isSingleParent() { return childrenCount > 0 && getAdultsCount() == 1; }
    public long getPerCapitaIncome() { return perCapitaIncome; }
    public void setPerCapitaIncome(long perCapitaIncome) { this.perCapitaIncome = perCapitaIncome; }
    public long getPerCapitaNetIncome() { return perCapitaNetIncome; }
    public void setPerCapitaNetIncome(long perCapitaNetIncome) { this.perCapitaNetIncome = perCapitaNetIncome; }
    /** Dependants (children and pension-age members) per working-age member; null when nobody is of working age. */
    public Double getDependencyRatio() { return dependencyRatio; }
    public void setDependencyRatio(Double dependencyRatio) { this.dependencyRatio = dependencyRatio; }
    /** The minimum subsistence level in force on the case date, UZS per person per month. */
    public long getMsl() { return msl; }
    public void setMsl(long msl) { this.msl = msl; }
    /** STATE_SUPPORTED, LOW_INCOME, AT_RISK_OF_POVERTY or NONE (unified social registry). */
    public String getRegistryCategory() { return registryCategory; }
    public void setRegistryCategory(String registryCategory) { this.registryCategory = registryCategory; }
    /** Every flag recorded for any member. */
    public Set<String> getMemberFlags() { return memberFlags; }
    public void setMemberFlags(Set<String> memberFlags) { this.memberFlags = Set.copyOf(memberFlags); }
}
