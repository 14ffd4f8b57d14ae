package com.campagne.connectors.api.schema;

import java.util.List;

/**
 * One record of the unified marketing schema, pushed by a connector's {@code read} to the sink.
 * Every record belongs to an account the host asked for; the host rejects the others.
 */
public sealed interface MarketingRecord permits AccountRecord, CampaignRecord, AdGroupRecord, AdRecord, MetricRow {

    /** The provider's id of the account the record belongs to. */
    String accountId();

    /** What makes this record invalid against the schema, in words for a developer; empty when valid. */
    List<String> problems();
}
