package com.campagne.analytics.alerts;

import com.campagne.analytics.MeasureSums;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.PlanVsActual;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert conditions against figures computed by hand. */
class AlertRulesTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 1);
    private static final BigDecimal THRESHOLD_120 = new BigDecimal("120");

    /** A plan of 100 € a day for 10 days, measured to day 5 (500 € planned to date) with {@code spentPerDay}. */
    private static PlanVsActual plan(String spentPerDay) {
        TreeMap<LocalDate, BigDecimal> planned = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> measured = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            planned.put(START.plusDays(i), new BigDecimal("100"));
        }
        for (int i = 0; i < 5; i++) {
            measured.put(START.plusDays(i), new BigDecimal(spentPerDay));
        }
        return PlanVsActual.of(START, START.plusDays(9), START.plusDays(4), "EUR", planned, measured);
    }

    @Test
    void spendPacingFiresAbove120PercentOfThePlanToDateOnly() {
        // 5 × 130 = 650 € spent for 500 € planned: 130 %.
        PlanVsActual ahead = plan("130");
        assertThat(ahead.pacing()).isEqualByComparingTo("130");
        assertThat(AlertRules.overPacing(ahead, THRESHOLD_120)).isTrue();
        // 5 × 110 = 550 €: 110 %, under the threshold.
        PlanVsActual onTrack = plan("110");
        assertThat(onTrack.pacing()).isEqualByComparingTo("110");
        assertThat(AlertRules.overPacing(onTrack, THRESHOLD_120)).isFalse();
        // Exactly at the threshold is not above it; nothing planned yet is unknown, never an alert.
        assertThat(AlertRules.overPacing(plan("120"), THRESHOLD_120)).isFalse();
        assertThat(AlertRules.overPacing(PlanVsActual.of(START, START.plusDays(9), START.plusDays(4), "EUR",
                new TreeMap<>(), Map.of(START, BigDecimal.TEN)), THRESHOLD_120)).isFalse();
    }

    @Test
    void ctrDropComparesYesterdayWithTheRatioOfTheWeeksSums() {
        // The week: 7 × (1 000 impressions, 40 clicks) = 280 / 7 000 = 4 %. Yesterday 20 / 1 000 = 2 %: down 50 %.
        MetricTotals week = totals("EUR", sums(7_000L, 280L, "70", "7"));
        MetricTotals yesterday = totals("EUR", sums(1_000L, 20L, "10", "1"));
        BigDecimal drop = AlertRules.ctrDrop(yesterday, week);
        assertThat(drop).isEqualByComparingTo("50");
        assertThat(AlertRules.ctrDropped(drop, new BigDecimal("30"))).isTrue();
        assertThat(AlertRules.ctrDropped(drop, new BigDecimal("50"))).isTrue();
        assertThat(AlertRules.ctrDropped(drop, new BigDecimal("60"))).isFalse();

        // Ratio of sums, not average of ratios: a row at 10 % on 100 impressions and one at 0,91 % on 9 900 make
        // 100 / 10 000 = 1 %; yesterday 8 / 1 000 = 0,8 % is a 20 % drop (against the 5,45 % average of the two
        // ratios it would look like an 85 % drop), so a 30 % rule stays quiet.
        MetricTotals uneven = totals("EUR", sums(100L, 10L, "1", "0"), sums(9_900L, 90L, "9", "0"));
        BigDecimal small = AlertRules.ctrDrop(totals("EUR", sums(1_000L, 8L, "1", "0")), uneven);
        assertThat(small).isEqualByComparingTo("20");
        assertThat(AlertRules.ctrDropped(small, new BigDecimal("30"))).isFalse();

        // A rise is a negative drop; no impressions at all is unknown.
        assertThat(AlertRules.ctrDrop(totals("EUR", sums(1_000L, 60L, "1", "0")), week)).isEqualByComparingTo("-50");
        assertThat(AlertRules.ctrDropped(new BigDecimal("-50"), new BigDecimal("30"))).isFalse();
        assertThat(AlertRules.ctrDrop(MetricTotals.EMPTY, week)).isNull();
        assertThat(AlertRules.ctrDrop(yesterday, totals("EUR", sums(0L, 0L, "0", "0")))).isNull();
    }

    @Test
    void cpaIsTheCostInTheCampaignsCurrencyOverItsConversionsAgainstTheTarget() {
        // 150 € + 50 € for 3 + 2 conversions: 200 / 5 = 40 €. The 100 $ of another account are never mixed in.
        MetricTotals totals = MetricTotals.of(List.of(Map.entry("EUR", sums(10_000L, 100L, "150", "3")),
                Map.entry("EUR", sums(1_000L, 10L, "50", "2")), Map.entry("USD", sums(1_000L, 10L, "100", "0"))));
        BigDecimal cpa = AlertRules.cpa(totals, "EUR");
        assertThat(cpa).isEqualByComparingTo("40");
        assertThat(AlertRules.cpaAbove(cpa, new BigDecimal("35"))).isTrue();
        assertThat(AlertRules.cpaAbove(cpa, new BigDecimal("40"))).isFalse();
        assertThat(AlertRules.cpaAbove(cpa, null)).isFalse();
        // No conversion: CPA unknown ("—"), never an alert.
        assertThat(AlertRules.cpa(totals("EUR", sums(100L, 1L, "20", "0")), "EUR")).isNull();
        assertThat(AlertRules.cpaAbove(null, new BigDecimal("35"))).isFalse();
    }

    @Test
    void aDayWithoutRowsOrWithZeroImpressionsHasNoImpressions() {
        assertThat(AlertRules.noImpressions(MetricTotals.EMPTY)).isTrue();
        assertThat(AlertRules.noImpressions(totals("EUR", sums(0L, 0L, "0", "0")))).isTrue();
        assertThat(AlertRules.noImpressions(totals("EUR", sums(1L, 0L, "0", "0")))).isFalse();
    }

    @Test
    void theMostSpecificRuleGovernsEvenWhenItIsSwitchedOff() {
        UUID client = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        AlertRule everywhere = new AlertRule(AlertKind.SPEND_PACING, null, Instant.EPOCH);
        AlertRule forClient = new AlertRule(AlertKind.SPEND_PACING, null, Instant.EPOCH);
        forClient.setClientId(client);
        forClient.setThreshold(new BigDecimal("150"));
        AlertRule forCampaign = new AlertRule(AlertKind.SPEND_PACING, null, Instant.EPOCH);
        forCampaign.setClientId(client);
        forCampaign.setCampaignId(campaign);
        forCampaign.setEnabled(false);
        List<AlertRule> all = List.of(everywhere, forClient, forCampaign);
        assertThat(AlertEvaluator.governing(all, AlertKind.SPEND_PACING, client, campaign)).contains(forCampaign);
        assertThat(AlertEvaluator.governing(all, AlertKind.SPEND_PACING, client, UUID.randomUUID())).contains(forClient);
        assertThat(AlertEvaluator.governing(all, AlertKind.SPEND_PACING, UUID.randomUUID(), UUID.randomUUID()))
                .contains(everywhere);
        assertThat(AlertEvaluator.governing(all, AlertKind.CTR_DROP, client, campaign)).isEmpty();
        assertThat(everywhere.getThreshold()).isEqualByComparingTo("120");
    }

    private static MeasureSums sums(Long impressions, Long clicks, String cost, String conversions) {
        return new MeasureSums(1, impressions, clicks, new BigDecimal(cost), new BigDecimal(conversions), null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static MetricTotals totals(String currency, MeasureSums... rows) {
        return MetricTotals.of(Arrays.stream(rows).map(r -> Map.entry(currency, r)).toList());
    }
}
