package uz.inson.assess.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An integrating system's key: only its SHA-256 is stored. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "key_hash")
    public String keyHash;
    public String roles;
    public String region;
    public String district;
    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
}
