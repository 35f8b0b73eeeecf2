package uz.inson.assess.rules.facts;

/** The areas of life in which a household can have a problem; the 2023 draft rules count them to set the risk level. */
public enum NeedArea {
    INCOME, HOUSING, HEALTH, DISABILITY, CARE, EMPLOYMENT, EDUCATION, SAFETY, FAMILY, PSYCHOSOCIAL, DOCUMENTS_AND_RIGHTS
}
