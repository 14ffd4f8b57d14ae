package com.campagne.connectors.api;

/** The credentials expired or were revoked: the user must reconnect the account. */
public class AuthenticationExpiredException extends ConnectorException {

    /**
     * @param message what happened and what to do
     * @param cause   the provider's error, or {@code null}
     */
    public AuthenticationExpiredException(Text message, Throwable cause) {
        super(FailureType.AUTHENTICATION_EXPIRED, message, cause);
    }

    /** The usual message: the access was refused, reconnect. */
    public AuthenticationExpiredException() {
        this(Text.of("L’accès a expiré ou a été retiré : reconnectez le compte.",
                "Access expired or was revoked: reconnect the account."), null);
    }
}
