package com.campagne.reports;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An archived client report: what it covered, who made it, its PDF and XLSX as sent, and to whom. */
@Entity
@Table(name = "reports")
public class Report extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Column(name = "schedule_id")
    private UUID scheduleId;
    @Enumerated(EnumType.STRING)
    private ReportKind kind;
    @Column(name = "period_from")
    private LocalDate periodFrom;
    @Column(name = "period_to")
    private LocalDate periodTo;
    private String title;
    private String language;
    private String commentary;
    @Column(name = "generated_at")
    private Instant generatedAt;
    @Column(name = "generated_by")
    private String generatedBy;
    private byte[] pdf;
    private byte[] xlsx;
    @Column(name = "sent_to")
    private String sentTo;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected Report() {
    }

    Report(UUID clientId, UUID campaignId, UUID scheduleId, ReportKind kind, LocalDate periodFrom, LocalDate periodTo,
           String title, String language, String commentary, Instant generatedAt, String generatedBy, byte[] pdf,
           byte[] xlsx) {
        this.clientId = clientId;
        this.campaignId = campaignId;
        this.scheduleId = scheduleId;
        this.kind = kind;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.title = title;
        this.language = language;
        this.commentary = commentary;
        this.generatedAt = generatedAt;
        this.generatedBy = generatedBy;
        this.pdf = pdf;
        this.xlsx = xlsx;
    }

    public UUID getClientId() { return clientId; }
    public UUID getCampaignId() { return campaignId; }
    public UUID getScheduleId() { return scheduleId; }
    public ReportKind getKind() { return kind; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public String getTitle() { return title; }
    public String getLanguage() { return language; }
    public String getCommentary() { return commentary; }
    public Instant getGeneratedAt() { return generatedAt; }
    public String getGeneratedBy() { return generatedBy; }
    public byte[] getPdf() { return pdf; }
    public byte[] getXlsx() { return xlsx; }
    public String getSentTo() { return sentTo; }
    public Instant getSentAt() { return sentAt; }

    void sent(String to, Instant at) {
        this.sentTo = to;
        this.sentAt = at;
    }
}
