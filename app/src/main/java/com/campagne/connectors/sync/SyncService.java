package com.campagne.connectors.sync;

import com.campagne.connectors.connections.Schedule;

import java.util.UUID;

/** What the connection screens ask of the sync engine. */
public interface SyncService {

    /**
     * Queues a sync of a connection of the current tenant now (the job engine runs it).
     *
     * @return the id of the queued run (a row of {@code sync_runs}), to follow its progress
     */
    UUID syncNow(UUID connectionId);

    /** Plans (or re-plans) the automatic syncs of a connection of the current tenant. */
    void scheduleChanged(UUID connectionId, Schedule schedule);

    /** Cancels what is planned for a connection of the current tenant before it is deleted. */
    void connectionRemoved(UUID connectionId);
}
