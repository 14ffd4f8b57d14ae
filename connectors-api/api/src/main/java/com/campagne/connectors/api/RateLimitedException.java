package com.campagne.connectors.api;

import java.time.Duration;

/** The provider asks to slow down; the host retries after the given delay. */
public class RateLimitedException extends ConnectorException {

    private final Duration retryAfter;

    /**
     * @param retryAfter how long the provider asked to wait ({@code Retry-After}), or {@code null} if it did not say
     * @param cause      the provider's error, or {@code null}
     */
    public RateLimitedException(Duration retryAfter, Throwable cause) {
        super(FailureType.RATE_LIMITED, Text.of(
                "Le fournisseur limite le nombre d’appels : nouvel essai automatique plus tard.",
                "The provider limits the number of calls: it will be retried automatically later."), cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
