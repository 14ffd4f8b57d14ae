package com.campagne.tenancy;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An invitation sent by e-mail to join a tenant with a role; only the token's hash is stored. */
@Entity
@Table(name = "invitations")
public class Invitation extends TenantOwnedEntity {

    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "client_ids", columnDefinition = "uuid[]")
    private List<UUID> clientIds = new ArrayList<>();
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "invited_by")
    private UUID invitedBy;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Invitation() {
    }

    public Invitation(String email, Role role, List<UUID> clientIds, String tokenHash, UUID invitedBy,
                      Instant createdAt, Instant expiresAt) {
        this.email = User.normalizeEmail(email);
        this.role = role;
        this.clientIds = new ArrayList<>(clientIds);
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getEmail() { return email; }
    public Role getRole() { return role; }
    public List<UUID> getClientIds() { return List.copyOf(clientIds); }
    public String getTokenHash() { return tokenHash; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getCreatedAt() { return createdAt; }

    public boolean isPending(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void accept(Instant now) { this.acceptedAt = now; }
    void revoke(Instant now) { this.revokedAt = now; }
}
