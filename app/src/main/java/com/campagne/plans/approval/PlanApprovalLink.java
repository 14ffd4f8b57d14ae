package com.campagne.plans.approval;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed, expiring link e-mailed to a client contact without an account, to approve one proposed plan
 * version or ask for changes, once. The token itself is only in the e-mail; the row keeps its SHA-256.
 */
@Entity
@Table(name = "plan_approval_links")
public class PlanApprovalLink extends TenantOwnedEntity {

    /** The contact's answer, stored as is in {@code decision}. */
    public enum Decision { APPROVED, COMMENTED }

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_email", nullable = false)
    private String contactEmail;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "created_by_name")
    private String createdByName;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(length = 16)
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String comment;

    protected PlanApprovalLink() {
    }

    PlanApprovalLink(UUID planId, String contactName, String contactEmail, Instant expiresAt, String createdByName,
                     Instant createdAt) {
        this.planId = planId;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.expiresAt = expiresAt;
        this.createdByName = createdByName;
        this.createdAt = createdAt;
    }

    public UUID getPlanId() { return planId; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    String getTokenHash() { return tokenHash; }
    void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public Instant getExpiresAt() { return expiresAt; }
    /** For tests that need a link already past its date. */
    void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
    public String getCreatedByName() { return createdByName; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getUsedAt() { return usedAt; }
    public Decision getDecision() { return decision; }
    public String getComment() { return comment; }

    /** Still waiting for the contact's answer: not used, not revoked, not past its date. */
    public boolean isPending(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }

    void use(Instant at, Decision decision, String comment) {
        this.usedAt = at;
        this.decision = decision;
        this.comment = comment;
    }

    /** Who the link is for, as a person reads it: "Name <e-mail>" or the e-mail alone. */
    public String contactLabel() {
        return contactName == null || contactName.isBlank() ? contactEmail : contactName + " <" + contactEmail + ">";
    }
}
