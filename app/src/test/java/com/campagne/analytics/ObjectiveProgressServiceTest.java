package com.campagne.analytics;

import com.campagne.analytics.ObjectiveProgressService.Status;
import com.campagne.plans.objectives.Objective;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static com.campagne.analytics.ObjectiveProgressService.completion;
import static com.campagne.analytics.ObjectiveProgressService.expectedByNow;
import static com.campagne.analytics.ObjectiveProgressService.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Where an objective stands, by the rules of the scorecard, on cases worked out by hand. */
class ObjectiveProgressServiceTest {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);
    private static final LocalDate BEFORE = LocalDate.of(2027, 3, 10);
    private static final LocalDate AFTER = LocalDate.of(2027, 4, 1);

    private static Objective objective(Kpi kpi, String target, String baseline) {
        Objective o = new Objective(UUID.randomUUID());
        o.setMetric(kpi);
        o.setTargetValue(target == null ? null : new BigDecimal(target));
        o.setBaseline(baseline == null ? null : new BigDecimal(baseline));
        o.setDeadline(DEADLINE);
        return o;
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aTotalIsExpectedToGrowEvenlyFromItsBaselineToItsTarget() {
        Objective clicks = objective(Kpi.CLICKS, "1000", "200");
        // 1–10 March, 4 days in: 200 + 800 × 4 ÷ 10 = 520.
        assertThat(expectedByNow(clicks, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 4)))
                .isEqualByComparingTo("520");
        // Without a baseline from 0: 1000 × 4 ÷ 10.
        assertThat(expectedByNow(objective(Kpi.CLICKS, "1000", null), LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 4))).isEqualByComparingTo("400");
        // Past the end of the period the whole target is expected.
        assertThat(expectedByNow(clicks, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 4)))
                .isEqualByComparingTo("1000");
    }

    @Test
    void aRateIsExpectedAtItsTargetAllAlong() {
        assertThat(expectedByNow(objective(Kpi.CPA, "20", "30"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10),
                LocalDate.of(2027, 3, 2))).isEqualByComparingTo("20");
    }

    @Test
    void aTotalToRaiseIsOnTrackAheadOfThePaceAtRiskBehindReachedOnceMet() {
        Objective impressions = objective(Kpi.IMPRESSIONS, "1000", null);
        assertThat(status(impressions, n("500"), n("400"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(impressions, n("400"), n("400"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(impressions, n("300"), n("400"), BEFORE)).isEqualTo(Status.AT_RISK);
        // A total reached before the deadline stays reached: it can only grow.
        assertThat(status(impressions, n("1000"), n("400"), BEFORE)).isEqualTo(Status.REACHED);
        assertThat(status(impressions, n("999"), n("1000"), AFTER)).isEqualTo(Status.MISSED);
        assertThat(status(impressions, n("1200"), n("1000"), AFTER)).isEqualTo(Status.REACHED);
    }

    @Test
    void aSpendingCapIsOnTrackBelowThePaceAndMissedOncePassed() {
        Objective cost = objective(Kpi.COST, "5000", null);
        assertThat(status(cost, n("2000"), n("2500"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(cost, n("3000"), n("2500"), BEFORE)).isEqualTo(Status.AT_RISK);
        // Spend never comes back down: over the cap before the deadline is already missed.
        assertThat(status(cost, n("5200"), n("2500"), BEFORE)).isEqualTo(Status.MISSED);
        assertThat(status(cost, n("4900"), n("5000"), AFTER)).isEqualTo(Status.REACHED);
    }

    @Test
    void aRateToBringDownIsJudgedAgainstItsTargetAndOnlyReachedAtTheDeadline() {
        Objective cpa = objective(Kpi.CPA, "20", "30");
        assertThat(status(cpa, n("18"), n("20"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(cpa, n("20"), n("20"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(cpa, n("25"), n("20"), BEFORE)).isEqualTo(Status.AT_RISK);
        assertThat(status(cpa, n("18"), n("20"), AFTER)).isEqualTo(Status.REACHED);
        assertThat(status(cpa, n("25"), n("20"), AFTER)).isEqualTo(Status.MISSED);
    }

    @Test
    void aRateToRaiseIsNotReachedBeforeTheDeadlineBecauseItCanStillFall() {
        Objective ctr = objective(Kpi.CTR, "2.5", null);
        assertThat(status(ctr, n("3"), n("2.5"), BEFORE)).isEqualTo(Status.ON_TRACK);
        assertThat(status(ctr, n("2"), n("2.5"), BEFORE)).isEqualTo(Status.AT_RISK);
        assertThat(status(ctr, n("3"), n("2.5"), AFTER)).isEqualTo(Status.REACHED);
        // The deadline day itself still counts as before it.
        assertThat(status(ctr, n("2"), n("2.5"), DEADLINE)).isEqualTo(Status.AT_RISK);
        assertThat(status(ctr, n("2"), n("2.5"), DEADLINE.plusDays(1))).isEqualTo(Status.MISSED);
    }

    @Test
    void nothingMeasuredIsNoData() {
        assertThat(status(objective(Kpi.CLICKS, "1000", null), null, n("400"), BEFORE)).isEqualTo(Status.NO_DATA);
        assertThat(status(objective(Kpi.CPA, "20", null), null, n("20"), AFTER)).isEqualTo(Status.NO_DATA);
    }

    @Test
    void completionIsTheWayTravelledFromTheStartingPointToTheTarget() {
        // Clicks from 200 towards 1 000, at 600: half way.
        assertThat(completion(objective(Kpi.CLICKS, "1000", "200"), n("600"))).isEqualByComparingTo("0.5");
        // Without a baseline a total starts at 0.
        assertThat(completion(objective(Kpi.CLICKS, "1000", null), n("250"))).isEqualByComparingTo("0.25");
        // CPA from 30 € down to 20 €, at 25 €: half way.
        assertThat(completion(objective(Kpi.CPA, "20", "30"), n("25"))).isEqualByComparingTo("0.5");
        // CPA without a baseline: 20 ÷ 25.
        assertThat(completion(objective(Kpi.CPA, "20", null), n("25"))).isEqualByComparingTo("0.8");
        // Beyond the target, or worse than the start, stays within 0–1.
        assertThat(completion(objective(Kpi.CLICKS, "1000", null), n("1500"))).isEqualByComparingTo("1");
        assertThat(completion(objective(Kpi.CPA, "20", "30"), n("35"))).isEqualByComparingTo("0");
        assertThat(completion(objective(Kpi.CLICKS, "1000", null), null)).isNull();
    }
}
