package com.campagne.connectors.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure of a connector call, typed so the host knows whether to retry, and worded so the user
 * knows what to do. Throw one of the subclasses; any other exception escaping a connector is treated
 * as {@link FailureType#PERMANENT} with a generic message.
 */
public abstract class ConnectorException extends RuntimeException {

    private final FailureType type;
    private final Text userMessage;

    /**
     * @param type        the failure type
     * @param userMessage what the user reads, in words (no stack trace, no secret)
     * @param cause       the underlying error, or {@code null}
     */
    protected ConnectorException(FailureType type, Text userMessage, Throwable cause) {
        super(userMessage.en(), cause);
        this.type = Objects.requireNonNull(type, "type");
        this.userMessage = userMessage;
    }

    /** The failure type. */
    public FailureType type() {
        return type;
    }

    /** What the user reads. */
    public Text userMessage() {
        return userMessage;
    }

    /** How long to wait before retrying, when the provider said so; {@code null} otherwise. */
    public Duration retryAfter() {
        return null;
    }

    /** The setting at fault, for a {@link FailureType#BAD_SETTINGS} failure; {@code null} otherwise. */
    public String settingKey() {
        return null;
    }
}
