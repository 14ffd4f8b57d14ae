package com.campagne.connectors.runtime;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The context the host hands a connector: one shared HTTP client (it holds no tenant state: every
 * request carries its own credentials), the connection's secrets, the clock and a logger named after
 * the connector. Nothing else of the app is reachable from it.
 *
 * @param secrets the connection's secrets
 * @param clock   the clock
 * @param logger  the connector's logger
 * @param locale  the language of the user who triggered the call
 */
public record HostConnectorContext(Secrets secrets, Clock clock, Logger logger, Locale locale)
        implements ConnectorContext {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** A context for a connector, with the given secrets. */
    public static HostConnectorContext forConnector(String connectorId, Secrets secrets, Locale locale) {
        return new HostConnectorContext(secrets, Clock.systemUTC(),
                LoggerFactory.getLogger("connector." + connectorId), locale);
    }

    @Override
    public HttpClient httpClient() {
        return HTTP;
    }

    /** Secrets held in memory only (a connection being tested before it is saved). */
    public static Secrets memorySecrets(Map<String, String> values) {
        Map<String, String> copy = new ConcurrentHashMap<>(values);
        return new Secrets() {
            @Override
            public Optional<String> find(String key) {
                String value = copy.get(key);
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
            }

            @Override
            public void put(String key, String value) {
                copy.put(key, value);
            }

            @Override
            public String toString() {
                return "Secrets" + copy.keySet();
            }
        };
    }
}
