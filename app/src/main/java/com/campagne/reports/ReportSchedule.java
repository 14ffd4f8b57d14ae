package com.campagne.reports;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A client report sent on a calendar (see {@link ReportKind}) to a list of addresses, in one language. */
@Entity
@Table(name = "report_schedules")
public class ReportSchedule extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    private String recipients;
    private String language;
    private String commentary;
    private boolean enabled = true;
    @Column(name = "next_run_at")
    private Instant nextRunAt;
    @Column(name = "last_run_at")
    private Instant lastRunAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected ReportSchedule() {
    }

    public ReportSchedule(UUID clientId, Instant createdAt, String createdBy) {
        this.clientId = clientId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public UUID getClientId() { return clientId; }
    public UUID getCampaignId() { return campaignId; }
    public void setCampaignId(UUID campaignId) { this.campaignId = campaignId; }
    public ReportKind getKind() { return kind; }
    public void setKind(ReportKind kind) { this.kind = kind; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getCommentary() { return commentary; }
    public void setCommentary(String commentary) { this.commentary = commentary; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Instant getNextRunAt() { return nextRunAt; }
    public void setNextRunAt(Instant nextRunAt) { this.nextRunAt = nextRunAt; }
    public Instant getLastRunAt() { return lastRunAt; }
    public void setLastRunAt(Instant lastRunAt) { this.lastRunAt = lastRunAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }

    /** The addresses, one per line (commas and semicolons also separate them). */
    public List<String> recipientList() {
        return recipients == null ? List.of() : Arrays.stream(recipients.split("[\\s,;]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
