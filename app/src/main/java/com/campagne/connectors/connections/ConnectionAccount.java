package com.campagne.connectors.connections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.UUID;

/** A provider account chosen for a connection (from discover); syncs read only these. */
@Entity
@Table(name = "connection_accounts")
public class ConnectionAccount {

    @Embeddable
    public record Key(@Column(name = "connection_id") UUID connectionId,
                      @Column(name = "account_id") String accountId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;
    // char(3) in the table: an ISO 4217 code.
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    @Column(name = "time_zone")
    private String timeZone;

    protected ConnectionAccount() {
    }

    public ConnectionAccount(UUID connectionId, String accountId, String name, String currency, String timeZone) {
        this.key = new Key(connectionId, accountId);
        this.name = name;
        this.currency = currency;
        this.timeZone = timeZone;
    }

    public UUID getConnectionId() { return key.connectionId(); }
    public String getAccountId() { return key.accountId(); }
    public UUID getTenantId() { return tenantId; }
    public String getName() { return name; }
    public String getCurrency() { return currency; }
    public String getTimeZone() { return timeZone; }

    /** The name, or the id when the provider gave none. */
    public String label() {
        return name == null || name.isBlank() ? key.accountId() : name;
    }

    @Override
    public String toString() {
        return "ConnectionAccount[" + key.connectionId() + " " + key.accountId() + "]";
    }
}
