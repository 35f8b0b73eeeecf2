package uz.inson.assess.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An append-only record: version {@code ruleSetId} is in force from {@code effectiveFrom} until the next one. */
@Entity
@Table(name = "rule_set_activation")
public class ActivationEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "rule_set_id")
    public UUID ruleSetId;
    @Column(name = "effective_from")
    public OffsetDateTime effectiveFrom;
    @Column(name = "activated_by")
    public String activatedBy;
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;
    /** ACTIVATE, ROLLBACK or IMPORT. */
    public String kind;
}
