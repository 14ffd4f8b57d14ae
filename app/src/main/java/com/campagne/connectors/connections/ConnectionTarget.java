package com.campagne.connectors.connections;

import com.campagne.connectors.api.Secrets;
import com.campagne.connectors.api.Settings;

import java.util.Set;
import java.util.UUID;

/**
 * A connection as the sync engine needs it: whose it is, which connector, its settings (files
 * included), its decrypted secrets (a {@link Secrets#put} stores a rotated token encrypted again) and
 * the accounts chosen.
 *
 * @param tenantId     the tenant
 * @param clientId     the client
 * @param connectionId the connection
 * @param connectorId  the connector's id ({@code google-ads})
 * @param settings     the non-secret settings and files
 * @param secrets      the secrets
 * @param accountIds   the accounts chosen from discover
 * @param schedule     how often it syncs by itself
 */
public record ConnectionTarget(UUID tenantId, UUID clientId, UUID connectionId, String connectorId,
                               Settings settings, Secrets secrets, Set<String> accountIds, Schedule schedule) {

    public ConnectionTarget {
        accountIds = Set.copyOf(accountIds);
    }
}
