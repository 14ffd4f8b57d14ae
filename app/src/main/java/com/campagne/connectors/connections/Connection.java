package com.campagne.connectors.connections;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's account on one tool, for one client, through one connector. Non-secret settings are
 * plain JSON; the secrets are only ever stored as {@link #getSecretsCiphertext() ciphertext} bound to
 * this tenant and row (see {@link ConnectionSecrets}).
 */
@Entity
@Table(name = "connections")
public class Connection extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "connector_id", nullable = false, updatable = false)
    private String connectorId;

    private String name;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> settings = new LinkedHashMap<>();

    @Column(name = "secrets_ciphertext")
    private byte[] secretsCiphertext;

    @Enumerated(EnumType.STRING)
    private Schedule schedule = Schedule.DAILY;

    @Enumerated(EnumType.STRING)
    private ConnectionStatus status = ConnectionStatus.ACTIVE;

    @Column(name = "last_check_message")
    private String lastCheckMessage;

    @Column(name = "credentials_expire_at")
    private Instant credentialsExpireAt;

    @Column(name = "reauthorization_needed", nullable = false)
    private boolean reauthorizationNeeded;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Connection() {
    }

    public Connection(UUID clientId, String connectorId, String name, UUID createdBy) {
        this.clientId = clientId;
        this.connectorId = connectorId;
        this.name = name;
        this.createdBy = createdBy;
    }

    public UUID getClientId() { return clientId; }
    public String getConnectorId() { return connectorId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Map<String, String> getSettings() { return settings == null ? Map.of() : Map.copyOf(settings); }
    void setSettings(Map<String, String> settings) { this.settings = new LinkedHashMap<>(settings); }
    byte[] getSecretsCiphertext() { return secretsCiphertext; }
    void setSecretsCiphertext(byte[] secretsCiphertext) { this.secretsCiphertext = secretsCiphertext; }
    public Schedule getSchedule() { return schedule; }
    void setSchedule(Schedule schedule) { this.schedule = schedule; }
    public ConnectionStatus getStatus() { return status; }
    void setStatus(ConnectionStatus status) { this.status = status; }
    public String getLastCheckMessage() { return lastCheckMessage; }
    void setLastCheckMessage(String lastCheckMessage) {
        this.lastCheckMessage = lastCheckMessage == null || lastCheckMessage.length() <= 1000 ? lastCheckMessage
                : lastCheckMessage.substring(0, 1000);
    }
    public Instant getCredentialsExpireAt() { return credentialsExpireAt; }
    void setCredentialsExpireAt(Instant credentialsExpireAt) { this.credentialsExpireAt = credentialsExpireAt; }
    /** Whether the provider refused the refresh token: the account must be authorised again. */
    public boolean isReauthorizationNeeded() { return reauthorizationNeeded; }
    void setReauthorizationNeeded(boolean needed) { this.reauthorizationNeeded = needed; }
    public UUID getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** Whether secrets are stored (their values are never handed out by this entity). */
    public boolean hasSecrets() {
        return secretsCiphertext != null;
    }

    void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /** Without settings or secrets: a connection may be logged. */
    @Override
    public String toString() {
        return "Connection[" + getId() + " " + connectorId + " client=" + clientId + "]";
    }
}
