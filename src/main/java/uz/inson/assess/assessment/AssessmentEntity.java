package uz.inson.assess.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored assessment: input snapshot as JSONB, the answer as the JSON text it was sent as, with the rule-set version and
 * timing. Never leaves the service layer.
 */
@Entity
@Table(name = "assessment")
public class AssessmentEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(name = "external_id")
    public String externalId;
    public String region;
    public String district;
    @Column(name = "rule_set_id")
    public UUID ruleSetId;
    @Column(name = "rule_set_version")
    public String ruleSetVersion;
    @Column(name = "rule_set_hash")
    public String ruleSetHash;
    public String language;
    @Column(name = "risk_level")
    public String riskLevel;
    @Column(name = "case_path")
    public String casePath;
    @Column(name = "assessed_by")
    public String assessedBy;
    @Column(name = "duration_micros")
    public long durationMicros;
    /** The batch that stored it, named by the batch's audit entries; null for a single assessment. */
    @Column(name = "batch_id")
    public UUID batchId;
    /** The caller's key for a retried batch line: unique per caller, so a retry stores nothing twice. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** What impact analysis compares of the decision (services, comma separated, and monthly cash) and the code that made it. */
    @Column(name = "service_codes")
    public String serviceCodes;
    @Column(name = "monthly_cash_uzs")
    public Long monthlyCashUzs;
    @Column(name = "engine_build")
    public String engineBuild;
    @ColumnTransformer(write = "?::jsonb")
    public String request;
    @ColumnTransformer(write = "?::json")
    public String result;
}
