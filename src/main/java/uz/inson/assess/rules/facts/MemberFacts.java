package uz.inson.assess.rules.facts;

import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.Member;
import uz.inson.assess.household.MemberFlag;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One member as recorded, flattened for the rules; no personal identifiers. What the social worker has not asked yet
 * stays null (impairments, care scores, job-seeker registration, guardian, when a disability was first established), so
 * the rules can tell "no" from "unknown".
 */
public final class MemberFacts {
    private final int index;
    private final String ref;
    private final LocalDate birthDate;
    private final String sex;
    private final String relation;
    private final String employment;
    private final String disabilityGroup;
    private final LocalDate disabilitySince;
    private final boolean pregnant;
    private final Set<String> flags;
    private final Set<String> impairments;
    private final Integer barthel;
    private final Integer lawton;
    private final Boolean registeredJobSeeker;
    private final String guardianRef;

    public MemberFacts(int index, Member member) {
        this.index = index;
        this.ref = member.ref();
        this.birthDate = member.birthDate();
        this.sex = member.sex().name();
        this.relation = member.relation().name();
        this.employment = member.employment().name();
        this.disabilityGroup = member.disability() == null ? "NONE" : member.disability().group().name();
        this.disabilitySince = member.disability() == null ? null : member.disability().firstEstablishedOn();
        this.pregnant = member.pregnant();
        this.flags = member.flags().stream().map(MemberFlag::name).collect(Collectors.toUnmodifiableSet());
        this.impairments = member.impairments() == null ? null
                : member.impairments().stream().map(Impairment::name).collect(Collectors.toUnmodifiableSet());
        this.barthel = member.careNeed() == null ? null : member.careNeed().barthel();
        this.lawton = member.careNeed() == null ? null : member.careNeed().lawton();
        this.registeredJobSeeker = member.registeredJobSeeker();
        this.guardianRef = member.guardianRef();
    }

    /** Position in the request's member list, for pointing at a field ({@code members[1].impairments}). */
    public int getIndex() { return index; }
    public String getRef() { return ref; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getSex() { return sex; }
    public String getRelation() { return relation; }
    public String getEmployment() { return employment; }
    /** I, II, III, CHILD_DISABILITY, or NONE. */
    public String getDisabilityGroup() { return disabilityGroup; }
    /** When a disability was first established; null when none or not asked. */
    public LocalDate getDisabilitySince() { return disabilitySince; }
    public boolean isPregnant() { return pregnant; }
    public Set<String> getFlags() { return flags; }
    /** Null when not asked. */
    public Set<String> getImpairments() { return impairments; }
    public Integer getBarthel() { return barthel; }
    public Integer getLawton() { return lawton; }
    public Boolean getRegisteredJobSeeker() { return registeredJobSeeker; }
    public String getGuardianRef() { return guardianRef; }
}
