package uz.inson.assess.rules.facts;

/** How pressing a need is; an area's level is the highest of the needs found in it. */
public enum NeedLevel {
    MODERATE, HIGH
}
