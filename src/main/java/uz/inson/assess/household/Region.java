package uz.inson.assess.household;

/** The 14 first-level administrative units of Uzbekistan. */
public enum Region {
    KARAKALPAKSTAN, ANDIJAN, BUKHARA, FERGANA, JIZZAKH, KASHKADARYA, KHOREZM, NAMANGAN, NAVOI, SAMARKAND, SURKHANDARYA, SYRDARYA, TASHKENT_REGION, TASHKENT_CITY
}
