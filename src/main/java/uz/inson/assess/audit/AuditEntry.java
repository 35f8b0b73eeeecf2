package uz.inson.assess.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One line of the audit trail; rows are only ever inserted (a database trigger refuses UPDATE and DELETE). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    public String actor;
    public String roles;
    public String action;
    @Column(name = "object_id")
    public String objectId;
    public int outcome;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
