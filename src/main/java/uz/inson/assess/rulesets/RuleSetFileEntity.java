package uz.inson.assess.rulesets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One file of a rule-set version, byte for byte as uploaded. */
@Entity
@Table(name = "rule_set_file")
public class RuleSetFileEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public byte[] content;

    @Embeddable
    public record Key(@Column(name = "rule_set_id") UUID ruleSetId, String path) implements Serializable {
    }
}
