package com.campagne.connectors.sync;

import java.util.Set;
import java.util.UUID;

/**
 * Where one run's records go: the tenant, client and connection they belong to, the run, and the
 * accounts the connector was asked for (a record of any other account is refused).
 *
 * @param tenantId     the tenant
 * @param clientId     the client of the connection
 * @param connectionId the connection
 * @param runId        the sync run (a row of {@code sync_runs})
 * @param accountIds   the accounts asked for
 * @param maxRecords   how many records one run may push before it is stopped as a flood
 */
public record SyncTarget(UUID tenantId, UUID clientId, UUID connectionId, UUID runId, Set<String> accountIds,
                         long maxRecords) {

    public SyncTarget {
        accountIds = Set.copyOf(accountIds);
    }
}
