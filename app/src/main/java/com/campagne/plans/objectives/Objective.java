package com.campagne.plans.objectives;

import com.campagne.analytics.Kpi;
import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A SMART objective of a client, or of one of its campaigns: a KPI to bring from a baseline to a target
 * by a deadline, placed in one perspective of the balanced scorecard.
 */
@Entity
@Table(name = "objectives")
public class Objective extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private Perspective perspective;
    private String title;
    @Enumerated(EnumType.STRING)
    private Kpi metric;
    @Column(name = "target_value")
    private BigDecimal targetValue;
    private BigDecimal baseline;
    private LocalDate deadline;
    @Column(name = "owner_id")
    private UUID ownerId;
    private String notes;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected Objective() {
    }

    public Objective(UUID clientId) {
        this.clientId = clientId;
    }

    public UUID getClientId() { return clientId; }
    public UUID getCampaignId() { return campaignId; }
    public void setCampaignId(UUID campaignId) { this.campaignId = campaignId; }
    public Perspective getPerspective() { return perspective; }
    public void setPerspective(Perspective perspective) { this.perspective = perspective; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Kpi getMetric() { return metric; }
    public void setMetric(Kpi metric) { this.metric = metric; }
    public BigDecimal getTargetValue() { return targetValue; }
    public void setTargetValue(BigDecimal targetValue) { this.targetValue = targetValue; }
    public BigDecimal getBaseline() { return baseline; }
    public void setBaseline(BigDecimal baseline) { this.baseline = baseline; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Instant getCreatedAt() { return createdAt; }

    void created(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
    }
}
