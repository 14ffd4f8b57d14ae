package com.campagne.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** Something security-relevant that happened in a tenant: who, what, when, from where. Never edited. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    private UUID id = UUID.randomUUID();
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "actor_id")
    private UUID actorId;
    @Column(name = "actor_email")
    private String actorEmail;
    private String action;
    private String target;
    private String details;
    private String ip;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, UUID actorId, String actorEmail, AuditAction action, String target,
                      String details, String ip) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorEmail = actorEmail;
        this.action = action.name();
        this.target = truncate(target, 300);
        this.details = truncate(details, 1000);
        this.ip = truncate(ip, 64);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public UUID getId() { return id; }
    public UUID getTenantId() { return tenantId; }
    public Instant getOccurredAt() { return occurredAt; }
    public UUID getActorId() { return actorId; }
    public String getActorEmail() { return actorEmail; }
    public AuditAction getAction() { return AuditAction.valueOf(action); }
    public String getTarget() { return target; }
    public String getDetails() { return details; }
    public String getIp() { return ip; }
}
