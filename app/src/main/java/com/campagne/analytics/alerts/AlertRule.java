package com.campagne.analytics.alerts;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A tenant's wish to be warned of one kind of condition, everywhere or for one client or campaign. */
@Entity
@Table(name = "alert_rules")
public class AlertRule extends TenantOwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AlertKind kind;
    @Column(name = "client_id")
    private UUID clientId;
    @Column(name = "campaign_id")
    private UUID campaignId;
    private BigDecimal threshold;
    private boolean enabled = true;
    @Column(name = "notify_by_email")
    private boolean notifyByEmail = true;
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AlertRule() {
    }

    public AlertRule(AlertKind kind, UUID createdBy, Instant at) {
        this.kind = kind;
        this.threshold = kind.defaultThreshold();
        this.createdBy = createdBy;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public AlertKind getKind() { return kind; }
    public UUID getClientId() { return clientId; }
    public void setClientId(UUID clientId) { this.clientId = clientId; }
    public UUID getCampaignId() { return campaignId; }
    public void setCampaignId(UUID campaignId) { this.campaignId = campaignId; }
    public BigDecimal getThreshold() { return threshold; }
    public void setThreshold(BigDecimal threshold) { this.threshold = threshold; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isNotifyByEmail() { return notifyByEmail; }
    public void setNotifyByEmail(boolean notifyByEmail) { this.notifyByEmail = notifyByEmail; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    void touch(Instant at) {
        updatedAt = at;
    }

    /** How specific the scope is: a campaign's own rule beats its client's, which beats the tenant-wide one. */
    int specificity() {
        return campaignId != null ? 2 : clientId != null ? 1 : 0;
    }

    /** Whether the rule covers a campaign of a client (campaignId null for a connection). */
    boolean covers(UUID client, UUID campaign) {
        return (clientId == null || clientId.equals(client)) && (campaignId == null || campaignId.equals(campaign));
    }
}
