package uz.inson.assess.household;

/** State of the dwelling; EMERGENCY means unsafe to live in. */
public enum HousingCondition {
    GOOD, FAIR, POOR, EMERGENCY
}
