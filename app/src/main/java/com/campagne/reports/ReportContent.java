package com.campagne.reports;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.ObjectiveProgressService.Progress;
import com.campagne.analytics.PlanVsActual;
import com.campagne.base.i18n.I18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a client report shows, computed once by {@link ReportService} and written twice (PDF and XLSX),
 * so both documents hold the same figures.
 *
 * @param kpis       the KPIs that have data over the period, with the previous period and the change
 * @param daily      the figures day by day (days without rows absent)
 * @param byChannel  the figures per channel (key: the channel as synced, "" unknown)
 * @param byCampaign the figures per network campaign, by its name
 * @param planVsActual the campaign's spend against its plan, when the report is about a campaign with a plan
 */
record ReportContent(ReportKind kind, String title, Texts texts, ZoneId zone, String agencyName, byte[] logo,
                     String logoType, String brandColor, String clientName, String campaignName, LocalDate from,
                     LocalDate to, LocalDate previousFrom, LocalDate previousTo, String currency, List<KpiRow> kpis,
                     List<Progress> objectives, TreeMap<LocalDate, MetricTotals> daily,
                     Map<String, MetricTotals> byChannel, Map<String, MetricTotals> byCampaign,
                     PlanVsActual planVsActual, byte[] dailyChart, byte[] channelChart, String commentary,
                     java.time.Instant generatedAt) {

    /** One KPI over the period and the period before; change in % (null when it cannot be computed). */
    record KpiRow(Kpi kpi, BigDecimal value, BigDecimal previous) {

        BigDecimal change() {
            if (value == null || previous == null || previous.signum() == 0) {
                return null;
            }
            return value.subtract(previous).multiply(BigDecimal.valueOf(100))
                    .divide(previous.abs(), 2, RoundingMode.HALF_UP);
        }
    }

    /** The translations of one report, in the language it is written in (the schedule's, not the server's). */
    record Texts(I18n i18n, Locale locale) {

        String get(String key, Object... params) {
            return i18n.getTranslation(key, locale, params);
        }
    }

    Locale locale() {
        return texts.locale();
    }

    boolean hasData() {
        return !kpis.isEmpty();
    }
}
