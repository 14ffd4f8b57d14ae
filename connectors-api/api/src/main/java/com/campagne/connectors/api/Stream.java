package com.campagne.connectors.api;

/** The streams of the unified schema a connector can read; {@link Catalog#streams()} lists its own. */
public enum Stream {
    /** {@link com.campagne.connectors.api.schema.AccountRecord}s. */
    ACCOUNTS,
    /** {@link com.campagne.connectors.api.schema.CampaignRecord}s. */
    CAMPAIGNS,
    /** {@link com.campagne.connectors.api.schema.AdGroupRecord}s. */
    AD_GROUPS,
    /** {@link com.campagne.connectors.api.schema.AdRecord}s. */
    ADS,
    /** Whole-day {@link com.campagne.connectors.api.schema.MetricRow}s. */
    DAILY_METRICS,
    /** Hourly {@link com.campagne.connectors.api.schema.MetricRow}s (where the source has them). */
    HOURLY_METRICS
}
