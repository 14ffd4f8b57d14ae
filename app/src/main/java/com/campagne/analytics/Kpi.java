package com.campagne.analytics;

/**
 * The key performance indicators Campagne speaks of: the catalogue only, each with its unit and the
 * direction that counts as progress. Objectives name one of them as their metric; the computation from
 * measured data (connections' syncs) comes with the analytics issue and is deliberately absent here.
 * Labels: {@code kpi.<NAME>}. The names are stored, so they never change; new KPIs go at the end.
 */
public enum Kpi {
    IMPRESSIONS("kpi.IMPRESSIONS", Unit.COUNT, true),
    REACH("kpi.REACH", Unit.COUNT, true),
    CLICKS("kpi.CLICKS", Unit.COUNT, true),
    CTR("kpi.CTR", Unit.PERCENT, true),
    COST("kpi.COST", Unit.MONEY, false),
    CPC("kpi.CPC", Unit.MONEY, false),
    CPM("kpi.CPM", Unit.MONEY, false),
    CONVERSIONS("kpi.CONVERSIONS", Unit.COUNT, true),
    CONVERSION_RATE("kpi.CONVERSION_RATE", Unit.PERCENT, true),
    CPA("kpi.CPA", Unit.MONEY, false),
    CONVERSION_VALUE("kpi.CONVERSION_VALUE", Unit.MONEY, true),
    ROAS("kpi.ROAS", Unit.RATIO, true),
    ROI("kpi.ROI", Unit.PERCENT, true),
    SESSIONS("kpi.SESSIONS", Unit.COUNT, true),
    USERS("kpi.USERS", Unit.COUNT, true),
    PAGE_VIEWS("kpi.PAGE_VIEWS", Unit.COUNT, true),
    BOUNCE_RATE("kpi.BOUNCE_RATE", Unit.PERCENT, false),
    COST_PER_VISIT("kpi.COST_PER_VISIT", Unit.MONEY, false),
    EMAIL_DELIVERY_RATE("kpi.EMAIL_DELIVERY_RATE", Unit.PERCENT, true),
    EMAIL_OPEN_RATE("kpi.EMAIL_OPEN_RATE", Unit.PERCENT, true),
    EMAIL_CLICK_RATE("kpi.EMAIL_CLICK_RATE", Unit.PERCENT, true),
    EMAIL_BOUNCE_RATE("kpi.EMAIL_BOUNCE_RATE", Unit.PERCENT, false),
    EMAIL_UNSUBSCRIBE_RATE("kpi.EMAIL_UNSUBSCRIBE_RATE", Unit.PERCENT, false),
    ENGAGEMENT_RATE("kpi.ENGAGEMENT_RATE", Unit.PERCENT, true);

    /** What a value of the KPI counts, which decides how it is checked and written. */
    public enum Unit {
        /** A number of things (impressions, clicks, sessions). */
        COUNT,
        /** An amount in the campaign's (or tenant's) currency. */
        MONEY,
        /** A percentage, 0 to 100 (2.5 means 2,5 %). */
        PERCENT,
        /** A multiple, e.g. ROAS 4 (4 € of revenue per euro spent). */
        RATIO
    }

    private final String labelKey;
    private final Unit unit;
    private final boolean higherIsBetter;

    Kpi(String labelKey, Unit unit, boolean higherIsBetter) {
        this.labelKey = labelKey;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** The message key of the KPI's name. */
    public String labelKey() {
        return labelKey;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * Whether a value lies between 0 and 100 %: every rate does, ROI does not (a campaign can return
     * 250 % or lose money).
     */
    public boolean boundedPercent() {
        return unit == Unit.PERCENT && this != ROI;
    }

    /** Whether progress means going up (conversions, ROAS) rather than down (CPA, bounce rate, cost). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
