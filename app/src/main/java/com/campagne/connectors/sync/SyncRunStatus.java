package com.campagne.connectors.sync;

/** Where a sync run is ({@code sync_runs.status}). */
public enum SyncRunStatus {
    /** Waiting for a scheduler thread, first time or before a retry. */
    QUEUED,
    /** Reading. */
    RUNNING,
    /** Ended well. */
    SUCCEEDED,
    /** Ended with an error (its message says what to do). */
    FAILED;

    /** Whether the run is still to end. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
