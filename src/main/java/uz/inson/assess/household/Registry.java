package uz.inson.assess.household;

/** The existing registries ("notebooks") a household can already be in. */
public enum Registry {
    IRON_NOTEBOOK, WOMEN_NOTEBOOK, YOUTH_NOTEBOOK
}
