package uz.inson.assess.rules.facts;

/** What a row of the means-test table finds about the household's assets and income. */
public enum MeansTestOutcome {
    /** Assets show means the declared income does not: no means-tested cash. */
    EXCLUDES_CASH,
    /** Means-tested cash may be paid once the declared income is verified. */
    TO_VERIFY
}
