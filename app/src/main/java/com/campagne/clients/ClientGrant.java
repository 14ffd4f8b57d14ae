package com.campagne.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A client a CLIENT_VIEWER member may see. */
@Entity
@Table(name = "membership_clients")
public class ClientGrant {

    @Embeddable
    public record Key(@Column(name = "membership_id") UUID membershipId,
                      @Column(name = "client_id") UUID clientId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    protected ClientGrant() {
    }

    public ClientGrant(UUID membershipId, UUID clientId) {
        this.key = new Key(membershipId, clientId);
    }

    public UUID getMembershipId() { return key.membershipId(); }
    public UUID getClientId() { return key.clientId(); }
}
