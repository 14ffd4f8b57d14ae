package com.campagne.analytics.alerts;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A condition found true: fired once for its subject, seen again at each evaluation while it lasts, resolved
 * when it clears. Its message is written at firing time in French and English, so the list and the mails
 * read the same whatever the language of who reads them.
 */
@Entity
@Table(name = "alert_events")
public class AlertEvent extends TenantOwnedEntity {

    @Column(name = "rule_id", updatable = false)
    private UUID ruleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AlertKind kind;
    @Column(name = "client_id", updatable = false)
    private UUID clientId;
    @Column(name = "campaign_id", updatable = false)
    private UUID campaignId;
    @Column(name = "connection_id", updatable = false)
    private UUID connectionId;
    @Column(name = "subject_key", updatable = false)
    private String subjectKey;
    private String message;
    @Column(name = "message_en")
    private String messageEn;
    @Enumerated(EnumType.STRING)
    private AlertKind.Severity severity;
    @Column(name = "fired_at", updatable = false)
    private Instant firedAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    private UUID acknowledgedBy;
    @Column(name = "snoozed_until")
    private Instant snoozedUntil;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected AlertEvent() {
    }

    AlertEvent(AlertFinding finding, UUID ruleId, String message, String messageEn, Instant at) {
        this.ruleId = ruleId;
        this.kind = finding.kind();
        this.clientId = finding.clientId();
        this.campaignId = finding.campaignId();
        this.connectionId = finding.connectionId();
        this.subjectKey = finding.subjectKey();
        this.message = message;
        this.messageEn = messageEn;
        this.severity = finding.kind().severity();
        this.firedAt = at;
        this.lastSeenAt = at;
    }

    public UUID getRuleId() { return ruleId; }
    public AlertKind getKind() { return kind; }
    public UUID getClientId() { return clientId; }
    public UUID getCampaignId() { return campaignId; }
    public UUID getConnectionId() { return connectionId; }
    public String getSubjectKey() { return subjectKey; }
    public AlertKind.Severity getSeverity() { return severity; }
    public Instant getFiredAt() { return firedAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public UUID getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getSnoozedUntil() { return snoozedUntil; }
    public Instant getResolvedAt() { return resolvedAt; }

    /** The message in the reader's language (English for English, French otherwise). */
    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : message;
    }

    /** Open: still true, not acknowledged, not snoozed at {@code now}. */
    public boolean isOpen(Instant now) {
        return resolvedAt == null && acknowledgedAt == null && (snoozedUntil == null || !snoozedUntil.isAfter(now));
    }

    void seen(Instant at, String newMessage, String newMessageEn) {
        lastSeenAt = at;
        message = newMessage;
        messageEn = newMessageEn;
    }

    void acknowledge(UUID by, Instant at) {
        acknowledgedAt = at;
        acknowledgedBy = by;
    }

    void snooze(Instant until) {
        snoozedUntil = until;
    }

    void resolve(Instant at) {
        resolvedAt = at;
    }
}
