package com.campagne.connectors.api;

/** A passing failure (time-out, server error, network); the host retries with backoff. */
public class TransientException extends ConnectorException {

    /**
     * @param message what happened
     * @param cause   the underlying error, or {@code null}
     */
    public TransientException(Text message, Throwable cause) {
        super(FailureType.TRANSIENT, message, cause);
    }
}
