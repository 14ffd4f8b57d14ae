package com.campagne.connectors.api;

import com.campagne.connectors.api.schema.AccountRecord;

import java.util.List;
import java.util.Set;

/**
 * What {@code discover} found behind a connection's credentials: the accounts the user may choose
 * to sync (ad accounts, analytics properties, e-mailing accounts) and the streams offered.
 *
 * @param accounts the accounts reachable with these settings
 * @param streams  the streams this connector can read for them
 */
public record Catalog(List<AccountRecord> accounts, Set<Stream> streams) {

    public Catalog {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        streams = streams == null ? Set.of() : Set.copyOf(streams);
    }
}
