package com.campagne.connectors.sync;

import java.util.UUID;

/**
 * Published when a sync run ends (succeeded or failed for good), inside the transaction that records its end:
 * listeners that read what the run wrote listen after commit ({@code @TransactionalEventListener}).
 */
public record SyncRunFinished(UUID tenantId, UUID connectionId, UUID runId, SyncRunStatus status) {
}
