package uz.inson.assess.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A person who signs in with a password; roles comma-separated, territory optional. Never leaves the security package. */
@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {
    @Id
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    public String roles;
    public String region;
    public String district;
    public boolean enabled;
    public boolean demo;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
