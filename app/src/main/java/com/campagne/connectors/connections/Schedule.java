package com.campagne.connectors.connections;

/** How often a connection syncs by itself; "sync now" is always possible. */
public enum Schedule {
    /** Only when someone asks (file imports). */
    MANUAL,
    /** Every hour. */
    HOURLY,
    /** Every night. */
    DAILY,
    /** Every Monday night. */
    WEEKLY
}
