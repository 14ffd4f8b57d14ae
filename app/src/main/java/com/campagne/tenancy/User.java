package com.campagne.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A person who logs in. Installation-wide: one user may belong to several tenants. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id = UUID.randomUUID();
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "display_name")
    private String displayName;
    private String locale;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "platform_admin")
    private boolean platformAdmin;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_tenant_id")
    private UUID lastTenantId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    protected User() {
    }

    public User(String email, String passwordHash, String displayName, String locale, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = locale;
        this.createdAt = createdAt;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public UUID getId() { return id; }
    public String getEmail() { return email; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public Instant getEmailVerifiedAt() { return emailVerifiedAt; }
    public boolean isEmailVerified() { return emailVerifiedAt != null; }
    public void markEmailVerified(Instant at) { if (emailVerifiedAt == null) emailVerifiedAt = at; }
    public boolean isPlatformAdmin() { return platformAdmin; }
    public void setPlatformAdmin(boolean platformAdmin) { this.platformAdmin = platformAdmin; }
    public int getFailedLogins() { return failedLogins; }
    public void setFailedLogins(int failedLogins) { this.failedLogins = failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public UUID getLastTenantId() { return lastTenantId; }
    public void setLastTenantId(UUID lastTenantId) { this.lastTenantId = lastTenantId; }
    public Instant getCreatedAt() { return createdAt; }
}
