package uz.inson.assess.catalog;

/** The categories of social services (DESIGN §5) and their code prefixes. */
public enum ServiceCategory {
    CASH_BENEFITS("CSH"),
    DISABILITY_REHABILITATION("DIS"),
    HEALTH_SOCIAL("HLT"),
    EMPLOYMENT_TRAINING("EMP"),
    EDUCATION_YOUTH("EDU"),
    FAMILY_CHILD_PROTECTION("FAM"),
    ELDERLY_HOME_CARE("ELD"),
    HOUSING_UTILITIES("HOU"),
    PSYCHOLOGICAL_HELP("PSY"),
    LEGAL_AID("LEG"),
    CRISIS_SHELTER("CRS"),
    INCLUSION_ACCESSIBILITY("INC");

    private final String prefix;

    ServiceCategory(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
