package uz.inson.assess.household;

/** A member's main activity. */
public enum Employment {
    EMPLOYED_FORMAL, EMPLOYED_INFORMAL, SELF_EMPLOYED, UNEMPLOYED, STUDENT, PENSIONER, HOMEMAKER, CHILD, UNABLE_TO_WORK
}
