package com.campagne.connectors.api;

import org.slf4j.Logger;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;

/**
 * What the host gives a connector for one call (Keycloak's provider context): an HTTP client, the
 * connection's secrets, a clock and a logger. A connector sees nothing else of the host — no
 * database, no Spring, no plugin manager — and keeps no state between calls except through the
 * opaque read state.
 */
public interface ConnectorContext {

    /** The HTTP client to call the provider with (time-outs and proxy set by the host). */
    HttpClient httpClient();

    /** The connection's secrets. */
    Secrets secrets();

    /** The clock; use it rather than {@code Instant.now()} so tests can fix the time. */
    Clock clock();

    /** A logger whose lines the host tags with the connection (never log a secret). */
    Logger logger();

    /** The user's language, for texts built at run time. */
    default Locale locale() {
        return Locale.FRENCH;
    }
}
