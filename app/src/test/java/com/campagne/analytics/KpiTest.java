package com.campagne.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI library against values computed by hand. */
class KpiTest {

    /** Two days of one campaign: day 1 has a 10 % CTR on 100 impressions, day 2 a 1 % CTR on 10 000. */
    private static final MeasureSums DAY1 = sums(100L, 10L, "50.00", "2", "300.00");
    private static final MeasureSums DAY2 = sums(10_000L, 100L, "150.00", "3", "100.00");

    private static MeasureSums sums(Long impressions, Long clicks, String cost, String conversions, String value) {
        return new MeasureSums(1, impressions, clicks, cost == null ? null : new BigDecimal(cost),
                conversions == null ? null : new BigDecimal(conversions), value == null ? null : new BigDecimal(value),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static MetricTotals eur(MeasureSums... rows) {
        return MetricTotals.of(Arrays.stream(rows).map(r -> Map.entry("EUR", r)).toList());
    }

    @Test
    void ratiosAreRatiosOfSumsNeverAveragesOfRatios() {
        MetricTotals totals = eur(DAY1, DAY2);
        // CTR = 110 / 10 100 = 1,089109 % (the average of 10 % and 1 % would say 5,5 %).
        assertThat(totals.value(Kpi.CTR, "EUR")).isEqualByComparingTo("1.089109");
        // CPC = 200 € / 110 = 1,818182 €.
        assertThat(totals.value(Kpi.CPC, "EUR")).isEqualByComparingTo("1.818182");
        // CPM = 200 € / 10 100 × 1 000 = 19,80198 €.
        assertThat(totals.value(Kpi.CPM, "EUR")).isEqualByComparingTo("19.801980");
        // CPA = 200 / 5 = 40 €; conversion rate = 5 / 110 = 4,545455 %.
        assertThat(totals.value(Kpi.CPA, "EUR")).isEqualByComparingTo("40");
        assertThat(totals.value(Kpi.CONVERSION_RATE, "EUR")).isEqualByComparingTo("4.545455");
        // ROAS = 400 / 200 = 2; ROI = (400 − 200) / 200 = 100 %.
        assertThat(totals.value(Kpi.ROAS, "EUR")).isEqualByComparingTo("2");
        assertThat(totals.value(Kpi.ROI, "EUR")).isEqualByComparingTo("100");
        assertThat(totals.value(Kpi.COST, "EUR")).isEqualByComparingTo("200.00");
        assertThat(totals.value(Kpi.IMPRESSIONS, "EUR")).isEqualByComparingTo("10100");
    }

    @Test
    void aLossMakingCampaignHasANegativeRoi() {
        // Spent 500 €, brought 125 €: ROI = (125 − 500) / 500 = −75 %, ROAS 0,25.
        MetricTotals totals = eur(sums(1000L, 10L, "500", "1", "125"));
        assertThat(totals.value(Kpi.ROI, "EUR")).isEqualByComparingTo("-75");
        assertThat(totals.value(Kpi.ROAS, "EUR")).isEqualByComparingTo("0.25");
    }

    @Test
    void divisionByZeroOrByAnUnknownIsUnknownAndShowsADash() {
        MetricTotals noClicks = eur(sums(1000L, 0L, "12.50", "0", null));
        assertThat(noClicks.value(Kpi.CPC, "EUR")).isNull();
        assertThat(noClicks.value(Kpi.CPA, "EUR")).isNull();
        assertThat(noClicks.value(Kpi.CONVERSION_RATE, "EUR")).isNull();
        assertThat(noClicks.value(Kpi.ROAS, "EUR")).isNull(); // no conversion value known: not 0
        assertThat(noClicks.value(Kpi.CTR, "EUR")).isEqualByComparingTo("0");
        assertThat(KpiFormat.format(Kpi.CPC, null, "EUR", Locale.FRENCH)).isEqualTo("—");
        MetricTotals nothing = MetricTotals.EMPTY;
        for (Kpi kpi : Kpi.values()) {
            assertThat(nothing.value(kpi, "EUR")).as(kpi.name()).isNull();
        }
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        MetricTotals totals = MetricTotals.of(List.of(Map.entry("EUR", sums(1000L, 10L, "20", null, null)),
                Map.entry("USD", sums(3000L, 30L, "90", null, null)),
                Map.entry("", sums(null, null, null, null, null))));
        assertThat(totals.currencies()).containsExactly("USD", "EUR");
        // Each currency's cost over the clicks it bought: 2 € and 3 $, not (20 + 90) / 40.
        assertThat(totals.value(Kpi.CPC, "EUR")).isEqualByComparingTo("2");
        assertThat(totals.value(Kpi.CPC, "USD")).isEqualByComparingTo("3");
        assertThat(totals.value(Kpi.COST, "EUR")).isEqualByComparingTo("20");
        // Counts add up across currencies: CTR = 40 / 4 000 = 1 %.
        assertThat(totals.value(Kpi.CTR, "EUR")).isEqualByComparingTo("1");
        assertThat(totals.counts().cost()).isNull();
        assertThat(totals.mainCurrency("EUR")).isEqualTo("EUR");
        assertThat(totals.mainCurrency("GBP")).isEqualTo("USD");
    }

    @Test
    void analyticsAndEmailRates() {
        MeasureSums site = new MeasureSums(1, null, null, null, null, null, 400L, 320L, 100L, 1200L, 180L,
                null, null, null, null, null, null, null, null, null, null, null, null);
        MeasureSums mail = new MeasureSums(1, null, null, null, null, null, null, null, null, null, null,
                2000L, 1950L, 780L, 117L, 50L, 6L, null, null, null, null, null, null);
        MetricTotals totals = MetricTotals.of(List.of(Map.entry("", site), Map.entry("", mail),
                Map.entry("EUR", sums(5000L, 80L, "300", null, null))));
        assertThat(totals.value(Kpi.SESSIONS, "EUR")).isEqualByComparingTo("400");
        assertThat(totals.value(Kpi.BOUNCE_RATE, "EUR")).isEqualByComparingTo("45");          // 180 / 400
        assertThat(totals.value(Kpi.COST_PER_VISIT, "EUR")).isEqualByComparingTo("0.75");     // 300 € / 400
        assertThat(totals.value(Kpi.EMAIL_DELIVERY_RATE, "EUR")).isEqualByComparingTo("97.5"); // 1 950 / 2 000
        assertThat(totals.value(Kpi.EMAIL_OPEN_RATE, "EUR")).isEqualByComparingTo("40");      // 780 / 1 950
        assertThat(totals.value(Kpi.EMAIL_CLICK_RATE, "EUR")).isEqualByComparingTo("6");      // 117 / 1 950
        assertThat(totals.value(Kpi.EMAIL_BOUNCE_RATE, "EUR")).isEqualByComparingTo("2.5");   // 50 / 2 000
        assertThat(totals.value(Kpi.EMAIL_UNSUBSCRIBE_RATE, "EUR")).isEqualByComparingTo("0.307692"); // 6 / 1 950
        assertThat(totals.value(Kpi.REACH, "EUR")).isNull();
    }

    @Test
    void valuesAreWrittenTheUsersWay() {
        assertThat(KpiFormat.format(Kpi.COST, new BigDecimal("1234.5"), "EUR", Locale.FRENCH))
                .isEqualTo("1\u202f234,50\u00a0€");
        assertThat(KpiFormat.format(Kpi.CTR, new BigDecimal("1.089109"), "EUR", Locale.FRENCH))
                .isEqualTo("1,09\u00a0%");
        assertThat(KpiFormat.format(Kpi.CTR, new BigDecimal("1.089109"), "EUR", Locale.ENGLISH)).isEqualTo("1.09%");
        assertThat(KpiFormat.format(Kpi.ROAS, new BigDecimal("2"), "EUR", Locale.FRENCH)).isEqualTo("2,00");
        assertThat(KpiFormat.format(Kpi.CLICKS, new BigDecimal("12345"), "EUR", Locale.ENGLISH)).isEqualTo("12,345");
        assertThat(KpiFormat.format(Kpi.CONVERSIONS, new BigDecimal("12.5"), "EUR", Locale.ENGLISH)).isEqualTo("12.5");
    }
}
