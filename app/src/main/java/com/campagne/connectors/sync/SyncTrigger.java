package com.campagne.connectors.sync;

/** Why a run started ({@code sync_runs.trigger}). */
public enum SyncTrigger {
    /** Someone clicked "sync now". */
    MANUAL,
    /** The connection's schedule. */
    SCHEDULED
}
