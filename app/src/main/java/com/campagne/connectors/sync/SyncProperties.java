package com.campagne.connectors.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The sync engine's settings ({@code campagne.sync.*}).
 *
 * @param fullDays        days a full read goes back
 * @param readTimeout     how long one read may take before it is abandoned
 * @param maxAttempts     attempts of a run whose failure is passing (time-out, 5xx, rate limit)
 * @param backoff         the wait before the second attempt; doubled at each further one
 * @param maxRecords      records one run may push before it is stopped as a flood
 * @param threads         runs at once on this node
 * @param pollingInterval how often this node looks for due runs
 * @param nightTime       when nightly and weekly syncs start (spread over the following hour)
 * @param zone            the zone of {@code nightTime}
 */
@ConfigurationProperties("campagne.sync")
public record SyncProperties(Integer fullDays, Duration readTimeout, Integer maxAttempts, Duration backoff,
                             Long maxRecords, Integer threads, Duration pollingInterval, LocalTime nightTime,
                             ZoneId zone) {

    public SyncProperties {
        fullDays = fullDays == null ? 90 : fullDays;
        readTimeout = readTimeout == null ? Duration.ofMinutes(30) : readTimeout;
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        backoff = backoff == null ? Duration.ofMinutes(2) : backoff;
        maxRecords = maxRecords == null ? 50_000_000L : maxRecords;
        threads = threads == null ? 2 : threads;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(5) : pollingInterval;
        nightTime = nightTime == null ? LocalTime.of(3, 0) : nightTime;
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
    }

    /** The defaults. */
    public static SyncProperties defaults() {
        return new SyncProperties(null, null, null, null, null, null, null, null, null);
    }

    /** The same with another read time-out, attempts and backoff (tests). */
    public SyncProperties withRetries(Duration newReadTimeout, int newMaxAttempts, Duration newBackoff) {
        return new SyncProperties(fullDays, newReadTimeout, newMaxAttempts, newBackoff, maxRecords, threads,
                pollingInterval, nightTime, zone);
    }

    /** The same with another flood limit (tests). */
    public SyncProperties withMaxRecords(long newMaxRecords) {
        return new SyncProperties(fullDays, readTimeout, maxAttempts, backoff, newMaxRecords, threads,
                pollingInterval, nightTime, zone);
    }
}
