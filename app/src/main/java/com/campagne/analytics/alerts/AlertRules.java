package com.campagne.analytics.alerts;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.PlanVsActual;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The conditions of the alert rules, on figures already measured: no database here, so each can be checked by
 * hand. Every ratio comes from the KPI library (a ratio of sums); an unknown figure never fires an alert.
 */
final class AlertRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AlertRules() {
    }

    /** Spend to date above {@code thresholdPercent} % of the plan to date (pacing unknown before anything is planned). */
    static boolean overPacing(PlanVsActual plan, BigDecimal thresholdPercent) {
        return plan != null && plan.pacing() != null && thresholdPercent != null
                && plan.pacing().compareTo(thresholdPercent) > 0;
    }

    /**
     * How much yesterday's CTR fell against the CTR of the 7 days before (clicks ÷ impressions over those days),
     * in % of the latter: 2 % against 4 % is a 50 % drop. Null when either CTR is unknown or the week's is zero.
     */
    static BigDecimal ctrDrop(MetricTotals yesterday, MetricTotals previousWeek) {
        BigDecimal now = yesterday.value(Kpi.CTR, MetricTotals.NO_CURRENCY);
        BigDecimal before = previousWeek.value(Kpi.CTR, MetricTotals.NO_CURRENCY);
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return before.subtract(now).multiply(HUNDRED).divide(before, 2, RoundingMode.HALF_UP);
    }

    /** Whether a CTR drop reaches the threshold (a rise is a negative drop and never fires). */
    static boolean ctrDropped(BigDecimal drop, BigDecimal thresholdPercent) {
        return drop != null && thresholdPercent != null && drop.compareTo(thresholdPercent) >= 0;
    }

    /** The CPA in the campaign's currency (cost in it ÷ the conversions it bought), null when unknown. */
    static BigDecimal cpa(MetricTotals totals, String currency) {
        return totals.value(Kpi.CPA, currency);
    }

    /** Whether a CPA is above its target. */
    static boolean cpaAbove(BigDecimal cpa, BigDecimal target) {
        return cpa != null && target != null && cpa.compareTo(target) > 0;
    }

    /** Whether a live line had no impressions on a day: no row, or rows that say 0. */
    static boolean noImpressions(MetricTotals day) {
        Long impressions = day.counts().impressions();
        return impressions == null || impressions == 0;
    }
}
