package uz.inson.assess.catalog;

public enum ServiceKind {
    CASH, IN_KIND, SERVICE, REFERRAL
}
