package com.campagne.connectors.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the host asks {@code read} for.
 *
 * @param settings   the connection's settings
 * @param accountIds the accounts chosen by the user; records of any other account are rejected
 * @param streams    the streams wanted
 * @param from       the first day of the range, inclusive, in each account's time zone
 * @param to         the last day of the range, inclusive
 * @param state      the state the connector last checkpointed for this connection, or {@code null}
 *                   for a full read; its content is the connector's own business
 */
public record ReadRequest(Settings settings, Set<String> accountIds, Set<Stream> streams, LocalDate from,
                          LocalDate to, String state) {

    public ReadRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        accountIds = Set.copyOf(accountIds);
        streams = Set.copyOf(streams);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    /** Whether this is an incremental read continuing from a saved state. */
    public boolean incremental() {
        return state != null;
    }

    /** The same request continuing from another state. */
    public ReadRequest withState(String newState) {
        return new ReadRequest(settings, accountIds, streams, from, to, newState);
    }
}
