package com.campagne.connectors.api;

/**
 * Why a connector call failed; it decides what the host does next (Airbyte's failure types, finer).
 */
public enum FailureType {
    /** The settings are wrong (a bad ID, a missing permission): the user must change them. No retry. */
    BAD_SETTINGS,
    /** The credentials expired or were revoked: the user must reconnect the account. No retry. */
    AUTHENTICATION_EXPIRED,
    /** The provider asks to slow down: retried after {@link ConnectorException#retryAfter()}. */
    RATE_LIMITED,
    /** A passing failure (time-out, 5xx, network): retried with backoff. */
    TRANSIENT,
    /** A failure a retry will not fix (an unsupported report, a bug): reported, not retried. */
    PERMANENT
}
