package com.campagne.connectors.connections;

import java.util.Optional;
import java.util.UUID;

/** Loads connections for the sync engine, which runs with no session. */
public interface ConnectionTargets {

    /** The connection of that tenant, with its secrets decrypted, if it exists and is active. */
    Optional<ConnectionTarget> load(UUID tenantId, UUID connectionId);
}
