package com.campagne.connectors.api;

/**
 * The capability of pausing and resuming a campaign on the network. A {@link Connector} offers it
 * by implementing this interface too.
 */
public interface CampaignControl extends org.pf4j.ExtensionPoint {

    /** Pauses the campaign on the network. */
    void pause(ConnectorContext context, Settings settings, String accountId, String campaignId);

    /** Resumes (enables) the campaign on the network. */
    void resume(ConnectorContext context, Settings settings, String accountId, String campaignId);
}
