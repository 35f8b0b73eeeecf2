package uz.inson.assess.rules.facts;

/** A dated parameter value in force on the case date, inserted by a row of the parameters table. */
public final class Parameter {
    private final String name;
    private final String rule;
    private double value;
    private String unit;
    private String reference;
    private String description;

    public Parameter(String name, String rule) {
        this.name = name;
        this.rule = rule;
    }

    public String getName() { return name; }
    /** Name of the table row (Drools rule) that supplied the value. */
    public String getRule() { return rule; }
    public double getValue() { return value; }
    public void setValue(double value) { this.value = value; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
