package uz.inson.assess.catalog;

/** Who receives a service: the household as a whole, or individual members. */
public enum BeneficiaryUnit {
    HOUSEHOLD, MEMBER
}
