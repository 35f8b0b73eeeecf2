package uz.inson.assess.rules.facts;

import java.util.Set;

/** A member with the indicators the rules derive for the case date (see rules/indicators.drl). */
public final class PersonProfile {
    private final MemberFacts member;
    private final int age;
    private final boolean pensionAge;
    private final boolean workingAge;
    private final boolean ableToWork;

    public PersonProfile(MemberFacts member, int age, boolean pensionAge, boolean workingAge, boolean ableToWork) {
        this.member = member;
        this.age = age;
        this.pensionAge = pensionAge;
        this.workingAge = workingAge;
        this.ableToWork = ableToWork;
    }

    public String getRef() { return member.getRef(); }
    public int getAge() { return age; }
    public boolean isPensionAge() { return pensionAge; }
    public boolean isWorkingAge() { return workingAge; }
    public boolean isAbleToWork() { return ableToWork; }
    public String getSex() { return member.getSex(); }
    public String getRelation() { return member.getRelation(); }
    public String getEmployment() { return member.getEmployment(); }
    public String getDisabilityGroup() { return member.getDisabilityGroup(); }
    public boolean isDisabled() { return !"NONE".equals(member.getDisabilityGroup()); }
    public boolean isPregnant() { return member.isPregnant(); }
    public Set<String> getFlags() { return member.getFlags(); }
}
