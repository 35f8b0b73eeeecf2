package uz.inson.assess.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored rule-set version; its files are in {@link RuleSetFileEntity}. Its id is derived from its content hash. */
@Entity
@Table(name = "rule_set")
public class RuleSetEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String version;
    public String hash;
    @Column(name = "parent_id")
    public UUID parentId;
    public String author;
    @Column(name = "change_note")
    public String changeNote;
    /** DRAFT, VALIDATED, APPROVED or REJECTED; being in force is read from the activations. */
    public String status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "validated_at")
    public OffsetDateTime validatedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @ColumnTransformer(write = "?::jsonb")
    public String validation;
    /** Uploaded by a rule developer: DRL and code-row changes are allowed (and listed as warnings). */
    @Column(name = "code_changes_allowed")
    public boolean codeChangesAllowed;
}
