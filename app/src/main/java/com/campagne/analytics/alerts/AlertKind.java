package com.campagne.analytics.alerts;

import java.math.BigDecimal;

/**
 * What an alert rule watches. The threshold's meaning depends on the kind (see {@link #thresholdUnit()});
 * labels: {@link #labelKey()}. The names are stored, so they never change.
 */
public enum AlertKind {
    /** Campaign spend to date above the threshold % of the plan to date. */
    SPEND_PACING("alerts.kind.SPEND_PACING", Unit.PERCENT, new BigDecimal("120"), Severity.WARNING, true),
    /** Campaign CPA above the threshold (money), or above its CPA objective's target when no threshold is set. */
    CPA_ABOVE_TARGET("alerts.kind.CPA_ABOVE_TARGET", Unit.MONEY, null, Severity.WARNING, true),
    /** Yesterday's CTR down by the threshold % or more against the 7 days before. */
    CTR_DROP("alerts.kind.CTR_DROP", Unit.PERCENT, new BigDecimal("30"), Severity.WARNING, true),
    /** A live, linked line item whose flight covers yesterday had no impressions yesterday. */
    ZERO_IMPRESSIONS("alerts.kind.ZERO_IMPRESSIONS", Unit.NONE, null, Severity.CRITICAL, true),
    /** A connection's last sync run failed. */
    CONNECTION_FAILING("alerts.kind.CONNECTION_FAILING", Unit.NONE, null, Severity.CRITICAL, false),
    /** A connection's credentials expire within the threshold in days. */
    TOKEN_EXPIRING("alerts.kind.TOKEN_EXPIRING", Unit.DAYS, new BigDecimal("7"), Severity.WARNING, false);

    /** What the threshold counts. */
    public enum Unit {
        PERCENT("alerts.unit.PERCENT"), MONEY("alerts.unit.MONEY"), DAYS("alerts.unit.DAYS"), NONE(null);

        private final String labelKey;

        Unit(String labelKey) {
            this.labelKey = labelKey;
        }

        /** The message key of the unit shown after a threshold (null: no threshold). */
        public String labelKey() {
            return labelKey;
        }
    }

    private final String labelKey;
    private final Unit thresholdUnit;
    private final BigDecimal defaultThreshold;
    private final Severity severity;
    private final boolean campaignLevel;

    AlertKind(String labelKey, Unit thresholdUnit, BigDecimal defaultThreshold, Severity severity, boolean campaignLevel) {
        this.labelKey = labelKey;
        this.thresholdUnit = thresholdUnit;
        this.defaultThreshold = defaultThreshold;
        this.severity = severity;
        this.campaignLevel = campaignLevel;
    }

    /** The message key of the kind's name. */
    public String labelKey() { return labelKey; }
    public Unit thresholdUnit() { return thresholdUnit; }
    public BigDecimal defaultThreshold() { return defaultThreshold; }
    public Severity severity() { return severity; }
    /** Whether the kind is about campaigns (may be scoped to one) rather than connections. */
    public boolean campaignLevel() { return campaignLevel; }

    /** How loud an alert is. */
    public enum Severity { WARNING, CRITICAL }
}
