package uz.inson.assess.household;

/** Circumstances of a member that the social worker records; see docs/api.md for their meaning. */
public enum MemberFlag {
    NEEDS_CARE, LONELY_ELDERLY, ORPHAN, DOMESTIC_VIOLENCE_VICTIM, RETURNED_MIGRANT, FORMER_PRISONER, CHRONIC_ILLNESS, HOMELESS, ADDICTION, CHILD_ABUSE_VICTIM, TRAFFICKING_VICTIM, VETERAN, OUT_OF_SCHOOL, NEET
}
