package com.campagne.connectors.api;

import org.pf4j.ExtensionPoint;

/**
 * A connector to one tool, with Airbyte's four verbs. A plugin provides it as a PF4J
 * {@code @Extension}; the host creates one instance and calls it from several threads, so keep it
 * stateless. Every method may throw a {@link ConnectorException}; anything else is treated as a
 * permanent failure.
 *
 * <p>Optional capabilities are further interfaces the same class implements: {@link EmailSender},
 * {@link CampaignControl}.
 */
public interface Connector extends ExtensionPoint {

    /** What this connector is and which settings it needs; called often, keep it cheap. */
    ConnectorSpec spec();

    /**
     * Checks that the settings and credentials work, with one cheap call to the provider.
     *
     * @return what was reached, for the user
     * @throws BadSettingsException            when a setting is wrong
     * @throws AuthenticationExpiredException  when the credentials are refused
     */
    CheckResult check(ConnectorContext context, Settings settings);

    /** Lists the accounts and streams reachable with these settings. */
    Catalog discover(ConnectorContext context, Settings settings);

    /**
     * Reads the requested streams of the requested accounts for the date range and pushes the records
     * to the sink, calling {@link RecordSink#checkpoint(String)} whenever it could resume from there
     * (after each account, day or page). With a state, emits only what is new or changed since it
     * (re-emitting a recent window, e.g. for late conversions, is fine: rows replace their copy).
     */
    void read(ConnectorContext context, ReadRequest request, RecordSink sink);
}
