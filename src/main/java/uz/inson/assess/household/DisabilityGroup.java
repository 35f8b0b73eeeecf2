package uz.inson.assess.household;

/** Disability group as established by the medical-social expert commission. */
public enum DisabilityGroup {
    I, II, III, CHILD_DISABILITY
}
