package com.campagne.connectors.connections;

import java.util.Optional;
import java.util.UUID;

/** Loads connections for the sync engine, which runs with no session. */
public interface ConnectionTargets {

    /** The connection of that tenant, with its secrets decrypted, if it exists and is active. */
    Optional<ConnectionTarget> load(UUID tenantId, UUID connectionId);

    /**
     * The target ready for a call into its connector: OAuth 2 access tokens that expire within minutes
     * refreshed (and stored). Called outside any transaction, as it may reach the provider.
     *
     * @throws com.campagne.connectors.api.ConnectorException when the refresh fails (expired authorisation…)
     */
    default ConnectionTarget beforeCall(ConnectionTarget target) {
        return target;
    }
}
