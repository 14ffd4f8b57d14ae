package com.campagne.connectors.sync;

import java.util.Optional;
import java.util.UUID;

/**
 * Stores what connectors read: the records of the unified schema (metric rows upserted on their
 * natural key, accounts, campaigns, ad groups, ads) and the connector's state, in the same
 * transaction as the records the state covers.
 */
public interface SyncRecordStore {

    /** The state last checkpointed for a connection of the given tenant, if any. */
    Optional<String> savedState(UUID tenantId, UUID connectionId);

    /** Forgets a connection's state, so its next read is a full one. */
    void clearState(UUID tenantId, UUID connectionId);

    /**
     * Opens the sink of one run. It writes on its own database connection in the target's tenant,
     * not in the caller's transaction, so it may be fed from the plugin's thread.
     */
    SyncSession open(SyncTarget target);
}
