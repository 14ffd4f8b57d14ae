package com.campagne.connectors.testkit;

import com.campagne.connectors.api.ConnectorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ConnectorContext} for tests, like the one the host hands a connector: a JDK
 * {@link HttpClient} (10 s connect time-out, redirects followed), {@link MemorySecrets}, a fixed
 * clock and an SLF4J logger. It may also carry the base URL of an HTTP stub the test started
 * (WireMock, the JDK's {@code HttpServer}…); the connector itself never sees it, the test puts it
 * into a setting (an {@code apiBaseUrl} the connector reads, defaulting to the real provider).
 *
 * <pre>{@code
 * TestContext context = TestContext.of(Map.of("apiKey", "k-123"))
 *         .withClock(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
 * }</pre>
 */
public final class TestContext implements ConnectorContext {

    /** The instant the default clock is fixed at: a Monday morning in late November, in Paris. */
    public static final Instant DEFAULT_INSTANT = Instant.parse("2026-11-23T08:00:00Z");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private final MemorySecrets secrets;
    private final Clock clock;
    private final Logger logger;
    private final Locale locale;
    private final URI baseUrl;
    private final HttpClient httpClient;

    private TestContext(MemorySecrets secrets, Clock clock, Logger logger, Locale locale, URI baseUrl,
                        HttpClient httpClient) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.baseUrl = baseUrl;
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    }

    /**
     * A context with the given secrets, the clock fixed at {@link #DEFAULT_INSTANT} (UTC), French
     * and a logger named {@code connector.test}.
     *
     * @param secrets the connection's secrets by setting key
     * @return the context
     */
    public static TestContext of(Map<String, String> secrets) {
        return new TestContext(new MemorySecrets(secrets), Clock.fixed(DEFAULT_INSTANT, ZoneOffset.UTC),
                LoggerFactory.getLogger("connector.test"), Locale.FRENCH, null, HTTP);
    }

    /**
     * This context with another clock.
     *
     * @param newClock the clock the connector reads
     * @return a new context sharing the same secrets
     */
    public TestContext withClock(Clock newClock) {
        return new TestContext(secrets, newClock, logger, locale, baseUrl, httpClient);
    }

    /**
     * This context with a logger named {@code connector.<connectorId>}, as the host names it.
     *
     * @param connectorId the connector's id
     * @return a new context sharing the same secrets
     */
    public TestContext withLoggerOf(String connectorId) {
        return new TestContext(secrets, clock, LoggerFactory.getLogger("connector." + connectorId), locale,
                baseUrl, httpClient);
    }

    /**
     * This context in another language.
     *
     * @param newLocale the user's language
     * @return a new context sharing the same secrets
     */
    public TestContext withLocale(Locale newLocale) {
        return new TestContext(secrets, clock, logger, newLocale, baseUrl, httpClient);
    }

    /**
     * This context remembering where the test's HTTP stub listens.
     *
     * @param newBaseUrl the stub's base URL ({@code http://localhost:8089})
     * @return a new context sharing the same secrets
     */
    public TestContext withBaseUrl(URI newBaseUrl) {
        return new TestContext(secrets, clock, logger, locale, newBaseUrl, httpClient);
    }

    /**
     * This context with another HTTP client (a shorter time-out, a proxy).
     *
     * @param newHttpClient the client the connector calls with
     * @return a new context sharing the same secrets
     */
    public TestContext withHttpClient(HttpClient newHttpClient) {
        return new TestContext(secrets, clock, logger, locale, baseUrl, newHttpClient);
    }

    /**
     * The HTTP client.
     *
     * @return a JDK client unless {@link #withHttpClient} said otherwise
     */
    @Override
    public HttpClient httpClient() {
        return httpClient;
    }

    /**
     * The secrets, in memory.
     *
     * @return the secrets, whose {@link MemorySecrets#values()} show any rotation
     */
    @Override
    public MemorySecrets secrets() {
        return secrets;
    }

    /**
     * The fixed clock.
     *
     * @return the clock
     */
    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * The logger.
     *
     * @return an SLF4J logger (bind {@code slf4j-simple} in test scope to see its lines)
     */
    @Override
    public Logger logger() {
        return logger;
    }

    /**
     * The user's language.
     *
     * @return French unless {@link #withLocale} said otherwise
     */
    @Override
    public Locale locale() {
        return locale;
    }

    /**
     * Where the test's HTTP stub listens.
     *
     * @return the base URL given to {@link #withBaseUrl}, or {@code null}
     */
    public URI baseUrl() {
        return baseUrl;
    }
}
