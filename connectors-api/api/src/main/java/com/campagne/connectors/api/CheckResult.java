package com.campagne.connectors.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A successful connection check. A failed check throws a {@link ConnectorException} instead, whose
 * type and message tell the user what to fix.
 *
 * @param message              what was reached, for the user ({@code Connecté à « Boulangerie Martin »})
 * @param credentialsExpireAt  when the credentials stop working, if the provider says; {@code null} otherwise
 */
public record CheckResult(Text message, Instant credentialsExpireAt) {

    public CheckResult {
        Objects.requireNonNull(message, "message");
    }

    /** A successful check with its message. */
    public static CheckResult ok(String fr, String en) {
        return new CheckResult(Text.of(fr, en), null);
    }
}
