package com.campagne.connectors.connections;

/** Whether a connection syncs. */
public enum ConnectionStatus {
    /** Syncs on its schedule and on demand. */
    ACTIVE,
    /** Kept with its settings, but does not sync. */
    PAUSED
}
