package com.campagne.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A one-time link sent by e-mail to a user (address verification, password reset); only its hash is stored. */
@Entity
@Table(name = "user_tokens")
public class UserToken {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    @Id
    private UUID id = UUID.randomUUID();
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected UserToken() {
    }

    public UserToken(UUID userId, Purpose purpose, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID getUserId() { return userId; }
    public Purpose getPurpose() { return purpose; }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) { this.usedAt = now; }
}
