package uz.inson.assess.rules.facts;

/**
 * How dependent a member is on others' care, from the Barthel and Lawton scores and the dated thresholds. UNKNOWN
 * where care is plausible (a NEEDS_CARE flag, group I, a child with a disability, the care-assessment age) but nobody
 * scored it yet: services that depend on it then become a question instead.
 */
public enum CareDependency {
    HIGH, MODERATE, NONE, UNKNOWN
}
