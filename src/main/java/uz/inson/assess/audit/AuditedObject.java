package uz.inson.assess.audit;

/** What a change created, by the id its audit entry names (a new assessment, user, key or rule-set version). */
public interface AuditedObject {
    String auditedId();
}
