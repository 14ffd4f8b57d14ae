package com.campagne.plans;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a campaign's workflow, kept for the history: who, when, from where to where, why. */
@Entity
@Table(name = "campaign_status_changes")
public class CampaignStatusChange extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CampaignStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private CampaignStatus toStatus;
    @Column(name = "changed_by")
    private UUID changedBy;
    @Column(name = "changed_by_name")
    private String changedByName;
    @Column(name = "changed_at")
    private Instant changedAt;
    private String comment;

    protected CampaignStatusChange() {
    }

    CampaignStatusChange(UUID campaignId, CampaignStatus fromStatus, CampaignStatus toStatus, UUID changedBy,
                         String changedByName, Instant changedAt, String comment) {
        this.campaignId = campaignId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedAt = changedAt;
        this.comment = comment;
    }

    public UUID getCampaignId() { return campaignId; }
    public CampaignStatus getFromStatus() { return fromStatus; }
    public CampaignStatus getToStatus() { return toStatus; }
    public UUID getChangedBy() { return changedBy; }
    public String getChangedByName() { return changedByName; }
    public Instant getChangedAt() { return changedAt; }
    public String getComment() { return comment; }
}
