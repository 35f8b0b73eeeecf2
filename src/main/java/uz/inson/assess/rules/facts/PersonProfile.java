package uz.inson.assess.rules.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * A member with the indicators the rules derive for the case date (rules/indicators.drl supplies the dated
 * thresholds). Facts not asked yet are told apart from "no": {@link #isImpairmentsKnown()}, {@code careDependency
 * UNKNOWN}, {@link #isJobSeekerKnown()}, {@link #isGuardianKnown()}, {@link #isDisabledSinceKnown()} — but only where
 * they matter, so nobody is asked about the impairments of a member without a disability or the care needs of a healthy
 * young adult.
 */
public final class PersonProfile {
    private final MemberFacts member;
    private final int age;
    private final boolean pensionAge;
    private final boolean workingAge;
    private final boolean ableToWork;
    private final String careDependency;
    private final boolean impairmentsKnown;
    private final boolean jobSeekerKnown;
    private final boolean guardianKnown;
    private final int disabledMonths;
    private final boolean careAssessmentAge;

    /** The dated thresholds of the parameters table that a member's indicators need. */
    public record Thresholds(double adultAge, double pensionAgeMen, double pensionAgeWomen, double careAssessmentAge,
                             double barthelHighDependencyMax, double barthelModerateDependencyMax, double lawtonDependencyMax) {
    }

    private PersonProfile(MemberFacts member, int age, boolean pensionAge, boolean workingAge, boolean ableToWork, String careDependency,
                          boolean impairmentsKnown, boolean jobSeekerKnown, boolean guardianKnown, int disabledMonths, boolean careAssessmentAge) {
        this.member = member;
        this.age = age;
        this.pensionAge = pensionAge;
        this.workingAge = workingAge;
        this.ableToWork = ableToWork;
        this.careDependency = careDependency;
        this.impairmentsKnown = impairmentsKnown;
        this.jobSeekerKnown = jobSeekerKnown;
        this.guardianKnown = guardianKnown;
        this.disabledMonths = disabledMonths;
        this.careAssessmentAge = careAssessmentAge;
    }

    /** Called by rules/indicators.drl for each member. */
    public static PersonProfile derive(MemberFacts member, LocalDate asOf, Thresholds limits) {
        int age = Period.between(member.getBirthDate(), asOf).getYears();
        boolean pensionAge = age >= ("F".equals(member.getSex()) ? limits.pensionAgeWomen() : limits.pensionAgeMen());
        boolean workingAge = age >= limits.adultAge() && !pensionAge;
        String group = member.getDisabilityGroup();
        boolean severeDisability = "I".equals(group) || "II".equals(group);
        boolean ableToWork = workingAge && !severeDisability && !"UNABLE_TO_WORK".equals(member.getEmployment());
        boolean needsCareFlag = member.getFlags().contains("NEEDS_CARE");
        boolean careAge = age >= limits.careAssessmentAge();
        String care;
        if (member.getBarthel() != null) {
            care = member.getBarthel() <= limits.barthelHighDependencyMax() ? "HIGH"
                    : member.getBarthel() <= limits.barthelModerateDependencyMax() || careAge && lawtonDependent(member, limits) ? "MODERATE" : "NONE";
        } else if (careAge && member.getLawton() != null) {
            care = lawtonDependent(member, limits) ? "MODERATE" : "NONE";
        } else if (needsCareFlag || "I".equals(group) || "CHILD_DISABILITY".equals(group) || careAge) {
            care = "UNKNOWN";
        } else {
            care = "NONE";
        }
        boolean impairmentsKnown = member.getImpairments() != null || "NONE".equals(group) && !needsCareFlag;
        boolean jobSeekerKnown = member.getRegisteredJobSeeker() != null || !("UNEMPLOYED".equals(member.getEmployment()) && ableToWork);
        boolean guardianKnown = member.getGuardianRef() != null || !(age < limits.adultAge() && member.getFlags().contains("ORPHAN"));
        // no disability, or its date not asked: no "less than N months" condition can hold (the latter asks instead)
        int disabledMonths = member.getDisabilitySince() == null ? Integer.MAX_VALUE
                : (int) Period.between(member.getDisabilitySince(), asOf).toTotalMonths();
        return new PersonProfile(member, age, pensionAge, workingAge, ableToWork, care, impairmentsKnown, jobSeekerKnown, guardianKnown,
                disabledMonths, careAge);
    }

    private static boolean lawtonDependent(MemberFacts member, Thresholds limits) {
        return member.getLawton() != null && member.getLawton() <= limits.lawtonDependencyMax();
    }

    public String getRef() { return member.getRef(); }
    public int getIndex() { return member.getIndex(); }
    public int getAge() { return age; }
    public LocalDate getBirthDate() { return member.getBirthDate(); }
    public boolean isPensionAge() { return pensionAge; }
    public boolean isWorkingAge() { return workingAge; }
    public boolean isAbleToWork() { return ableToWork; }
    public String getSex() { return member.getSex(); }
    public String getRelation() { return member.getRelation(); }
    public String getEmployment() { return member.getEmployment(); }
    public String getDisabilityGroup() { return member.getDisabilityGroup(); }
    public boolean isDisabled() { return !"NONE".equals(member.getDisabilityGroup()); }
    /** Whole months since a disability was first established for the member; {@link Integer#MAX_VALUE} when none or not asked. */
    public int getDisabledMonths() { return disabledMonths; }
    /** Whether it is known how long the member has been disabled: no disability, or its first date given. */
    public boolean isDisabledSinceKnown() { return !isDisabled() || member.getDisabilitySince() != null; }
    /** Old enough for the Lawton scale of everyday tasks to count beside the Barthel index (CARE_ASSESSMENT_AGE). */
    public boolean isCareAssessmentAge() { return careAssessmentAge; }
    /**
     * The Barthel index as scored (0 = needs help with everything, 100 = with nothing); above the scale when not scored,
     * so that no "at most" condition holds (an unknown care need asks instead, see {@link #getCareDependency()}).
     */
    public int getCareScore() { return member.getBarthel() == null ? Integer.MAX_VALUE : member.getBarthel(); }
    public boolean isPregnant() { return member.isPregnant(); }
    public Set<String> getFlags() { return member.getFlags(); }
    /** The impairments recorded; empty when none or not asked (see {@link #isImpairmentsKnown()}). */
    public Set<String> getImpairments() { return member.getImpairments() == null ? Set.of() : member.getImpairments(); }
    public boolean isImpairmentsKnown() { return impairmentsKnown; }
    /** HIGH, MODERATE, NONE or UNKNOWN. */
    public String getCareDependency() { return careDependency; }
    /** Registered as a job seeker; false when not (or not asked: see {@link #isJobSeekerKnown()}). */
    public boolean isJobSeeker() { return Boolean.TRUE.equals(member.getRegisteredJobSeeker()); }
    public boolean isJobSeekerKnown() { return jobSeekerKnown; }
    /** A guardian among the household's members is recorded for this member. */
    public boolean isHasGuardian() { return member.getGuardianRef() != null; }
    public boolean isGuardianKnown() { return guardianKnown; }
    public String getGuardianRef() { return member.getGuardianRef(); }
}
