package uz.inson.assess.catalog;

/** How often a service is given or paid; a SEASONAL one only in its months (e.g. heating aid, November to March). */
public enum Frequency {
    MONTHLY, ONE_OFF, YEARLY, SEASONAL
}
