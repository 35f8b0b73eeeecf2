package uz.inson.assess.rules.facts;

import uz.inson.assess.household.Member;
import uz.inson.assess.household.MemberFlag;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** One member as recorded, flattened for the rules; no personal identifiers. */
public final class MemberFacts {
    private final String ref;
    private final LocalDate birthDate;
    private final String sex;
    private final String relation;
    private final String employment;
    private final String disabilityGroup;
    private final boolean pregnant;
    private final Set<String> flags;

    public MemberFacts(Member member) {
        this.ref = member.ref();
        this.birthDate = member.birthDate();
        this.sex = member.sex().name();
        this.relation = member.relation().name();
        this.employment = member.employment().name();
        this.disabilityGroup = member.disability() == null ? "NONE" : member.disability().group().name();
        this.pregnant = member.pregnant();
        this.flags = member.flags().stream().map(MemberFlag::name).collect(Collectors.toUnmodifiableSet());
    }

    public String getRef() { return ref; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getSex() { return sex; }
    public String getRelation() { return relation; }
    public String getEmployment() { return employment; }
    /** I, II, III, CHILD_DISABILITY, or NONE. */
    public String getDisabilityGroup() { return disabilityGroup; }
    public boolean isPregnant() { return pregnant; }
    public Set<String> getFlags() { return flags; }
}
