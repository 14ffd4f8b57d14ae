package com.campagne.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The key performance indicators Campagne speaks of, each with its unit, the direction that counts as
 * progress and its computation from summed measures ({@link #compute}): the one KPI library that screens,
 * exports, reports, objectives and alerts all use. A ratio is always the ratio of the sums, never an
 * average of daily ratios; a division by zero or by an unknown gives null, shown "—".
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

    private static final int SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /**
     * The KPI's value, or null when it cannot be computed (a measure unknown, a division by zero). Money and
     * what it is divided by come from {@code money}, the rows of one currency (CPC = that currency's cost ÷
     * the clicks it bought); rates between counts come from {@code counts}, every row. Cost per visit divides
     * the money by all sessions, since visits are measured by analytics, not by the ad network that paid.
     * Percentages are 0–100; CPM is per thousand impressions; ROI is (value − cost) ÷ cost.
     */
    public BigDecimal compute(MeasureSums money, MeasureSums counts) {
        return switch (this) {
            case IMPRESSIONS -> big(counts.impressions());
            case REACH -> null; // not additive over days or networks: no sum of rows gives it
            case CLICKS -> big(counts.clicks());
            case CTR -> percent(big(counts.clicks()), big(counts.impressions()));
            case COST -> money.cost();
            case CPC -> divide(money.cost(), big(money.clicks()));
            case CPM -> divide(money.cost() == null ? null : money.cost().multiply(THOUSAND), big(money.impressions()));
            case CONVERSIONS -> counts.conversions();
            case CONVERSION_RATE -> percent(counts.conversions(), big(counts.clicks()));
            case CPA -> divide(money.cost(), money.conversions());
            case CONVERSION_VALUE -> money.conversionValue();
            case ROAS -> divide(money.conversionValue(), money.cost());
            case ROI -> money.conversionValue() == null ? null
                    : percent(money.cost() == null ? null : money.conversionValue().subtract(money.cost()), money.cost());
            case SESSIONS -> big(counts.sessions());
            case USERS -> big(counts.users());
            case PAGE_VIEWS -> big(counts.pageViews());
            case BOUNCE_RATE -> percent(big(counts.bounces()), big(counts.sessions()));
            case COST_PER_VISIT -> divide(money.cost(), big(counts.sessions()));
            case EMAIL_DELIVERY_RATE -> percent(big(counts.emailsDelivered()), big(counts.emailsSent()));
            case EMAIL_OPEN_RATE -> percent(big(counts.emailsOpened()), big(counts.emailsDelivered()));
            case EMAIL_CLICK_RATE -> percent(big(counts.emailsClicked()), big(counts.emailsDelivered()));
            case EMAIL_BOUNCE_RATE -> percent(big(counts.emailsBounced()), big(counts.emailsSent()));
            case EMAIL_UNSUBSCRIBE_RATE -> percent(big(counts.emailsUnsubscribed()), big(counts.emailsDelivered()));
            case ENGAGEMENT_RATE -> percent(big(counts.engagements()), big(counts.impressions()));
        };
    }

    private static BigDecimal big(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_UP);
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
