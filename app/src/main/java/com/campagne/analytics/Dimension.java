package com.campagne.analytics;

/** What figures can be broken down by. The key of a CAMPAIGN row is "connection|account|campaign". */
public enum Dimension {
    CLIENT("client_id::text"),
    CONNECTION("connection_id::text"),
    CAMPAIGN("connection_id::text || '|' || account_id || '|' || coalesce(campaign_id, '')"),
    CHANNEL("channel"),
    DEVICE("device"),
    COUNTRY("country");

    private final String expression;

    Dimension(String expression) {
        this.expression = expression;
    }

    String expression() {
        return expression;
    }

    boolean onlyInFinestRollup() {
        return this == DEVICE || this == COUNTRY;
    }

    public String labelKey() {
        return "analytics.dimension." + name();
    }
}
