package com.campagne.connectors.api;

/** A failure a retry will not fix; reported to the user, not retried. */
public class PermanentException extends ConnectorException {

    /**
     * @param message what happened and, if the user can do something, what
     * @param cause   the underlying error, or {@code null}
     */
    public PermanentException(Text message, Throwable cause) {
        super(FailureType.PERMANENT, message, cause);
    }
}
