package com.campagne.plans;

import com.campagne.base.db.TenantOwnedEntity;
import com.campagne.plans.money.AgencyFee;
import com.campagne.plans.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** One version of a campaign's media plan (v1, v2…), with its agency fee and the client's decision. */
@Entity
@Table(name = "media_plans")
public class MediaPlan extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(nullable = false, updatable = false)
    private int number;
    private String label;
    @Enumerated(EnumType.STRING)
    private PlanStatus status = PlanStatus.DRAFT;
    @Enumerated(EnumType.STRING)
    @Column(name = "fee_kind")
    private FeeKind feeKind = FeeKind.NONE;
    @Column(name = "fee_value")
    private BigDecimal feeValue;
    @Column(name = "based_on_id")
    private UUID basedOnId;
    private String notes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by_name")
    private String createdByName;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by_name")
    private String decidedByName;
    @Column(name = "decision_comment")
    private String decisionComment;

    protected MediaPlan() {
    }

    MediaPlan(UUID campaignId, int number, UUID basedOnId, Instant createdAt, String createdByName) {
        this.campaignId = campaignId;
        this.number = number;
        this.basedOnId = basedOnId;
        this.createdAt = createdAt;
        this.createdByName = createdByName;
    }

    public UUID getCampaignId() { return campaignId; }
    public int getNumber() { return number; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public PlanStatus getStatus() { return status; }
    void setStatus(PlanStatus status) { this.status = status; }
    public FeeKind getFeeKind() { return feeKind; }
    public void setFeeKind(FeeKind feeKind) { this.feeKind = feeKind; }
    public BigDecimal getFeeValue() { return feeValue; }
    public void setFeeValue(BigDecimal feeValue) { this.feeValue = feeValue; }
    public UUID getBasedOnId() { return basedOnId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedByName() { return createdByName; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecidedByName() { return decidedByName; }
    public String getDecisionComment() { return decisionComment; }

    /** Locked: approved (or otherwise out of the draft state), so its lines can no longer change. */
    public boolean isLocked() {
        return !status.editable();
    }

    void decided(PlanStatus outcome, Instant at, String by, String comment) {
        this.status = outcome;
        this.decidedAt = at;
        this.decidedByName = by;
        this.decisionComment = comment;
    }

    /** "v2 — négociée" or "v2". */
    public String displayName() {
        return label == null || label.isBlank() ? "v" + number : "v" + number + " — " + label;
    }

    /** The fee as the money rules compute it, in the plan's currency. */
    public AgencyFee agencyFee(Currency currency) {
        return switch (feeKind) {
            case NONE -> AgencyFee.NONE;
            case PERCENT -> feeValue == null ? AgencyFee.NONE : new AgencyFee.Percentage(feeValue);
            case FLAT -> feeValue == null ? AgencyFee.NONE : AgencyFee.flat(Money.of(feeValue, currency));
        };
    }
}
