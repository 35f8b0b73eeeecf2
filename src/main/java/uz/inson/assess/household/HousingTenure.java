package uz.inson.assess.household;

/** On what terms the household lives where it lives. */
public enum HousingTenure {
    OWNED, RENTED, LIVING_WITH_RELATIVES, SOCIAL_HOUSING, NO_HOUSING
}
