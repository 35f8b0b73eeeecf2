package uz.inson.assess.rules.facts;

/** The unified social registry's categories (decree PF-258), by per-capita income against the minimum subsistence level. */
public enum RegistryCategory {
    STATE_SUPPORTED, LOW_INCOME, AT_RISK_OF_POVERTY, NONE
}
