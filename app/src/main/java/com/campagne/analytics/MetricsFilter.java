package com.campagne.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a dashboard, report or alert asks the metrics store for: a range of days (both included) and
 * optional filters. An empty set or a null means "no filter on that dimension". Clients are always
 * narrowed further to those the user may see.
 *
 * @param campaigns the network campaigns (as synced) to keep; a Campagne campaign is the set its plan lines
 *                  link to
 */
public record MetricsFilter(LocalDate from, LocalDate to, Set<UUID> clientIds, Set<CampaignRef> campaigns,
                            Set<String> channels, Set<UUID> connectionIds, Set<String> devices,
                            Set<String> countries) {

    /** A campaign as a connection synced it. */
    public record CampaignRef(UUID connectionId, String accountId, String campaignId) {
    }

    public MetricsFilter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a range needs a first day on or before its last day");
        }
        clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
        campaigns = campaigns == null ? Set.of() : Set.copyOf(campaigns);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        connectionIds = connectionIds == null ? Set.of() : Set.copyOf(connectionIds);
        devices = devices == null ? Set.of() : Set.copyOf(devices);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
    }

    /** Every visible client over the range. */
    public static MetricsFilter range(LocalDate from, LocalDate to) {
        return new MetricsFilter(from, to, null, null, null, null, null, null);
    }

    public MetricsFilter withRange(LocalDate newFrom, LocalDate newTo) {
        return new MetricsFilter(newFrom, newTo, clientIds, campaigns, channels, connectionIds, devices, countries);
    }

    public MetricsFilter withClients(Set<UUID> ids) {
        return new MetricsFilter(from, to, ids, campaigns, channels, connectionIds, devices, countries);
    }

    public MetricsFilter withCampaigns(Set<CampaignRef> refs) {
        return new MetricsFilter(from, to, clientIds, refs, channels, connectionIds, devices, countries);
    }

    public MetricsFilter withChannels(Set<String> values) {
        return new MetricsFilter(from, to, clientIds, campaigns, values, connectionIds, devices, countries);
    }

    public MetricsFilter withConnections(Set<UUID> ids) {
        return new MetricsFilter(from, to, clientIds, campaigns, channels, ids, devices, countries);
    }

    public MetricsFilter withDevices(Set<String> values) {
        return new MetricsFilter(from, to, clientIds, campaigns, channels, connectionIds, values, countries);
    }

    public MetricsFilter withCountries(Set<String> values) {
        return new MetricsFilter(from, to, clientIds, campaigns, channels, connectionIds, devices, values);
    }

    /** The same number of days just before (comparison with the previous period). */
    public MetricsFilter previousPeriod() {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        return withRange(from.minusDays(days), to.minusDays(days));
    }

    /** The same days one year earlier (comparison with the previous year). */
    public MetricsFilter previousYear() {
        return withRange(from.minusYears(1), to.minusYears(1));
    }

    /** Whether only the finest rollup (with device and country) can answer. */
    boolean needsDeviceOrCountry() {
        return !devices.isEmpty() || !countries.isEmpty();
    }

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
