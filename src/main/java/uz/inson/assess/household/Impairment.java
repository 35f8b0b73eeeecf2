package uz.inson.assess.household;

/** The kind of impairment a member lives with; assistive devices and several services depend on it. */
public enum Impairment {
    MOBILITY, VISION, HEARING, SPEECH, INTELLECTUAL, MENTAL_HEALTH, MULTIPLE
}
