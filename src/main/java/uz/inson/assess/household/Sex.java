package uz.inson.assess.household;

/** Sex as recorded in the social passport. */
public enum Sex {
    M, F
}
