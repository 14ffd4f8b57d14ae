package com.campagne.analytics;

import com.campagne.plans.PlanLineItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The planned curve, pacing and forecast of plan versus actual, against figures worked out by hand. */
class PlanVsActualTest {

    private static final LocalDate MAR_1 = LocalDate.of(2027, 3, 1);

    private static LocalDate mar(int day) {
        return MAR_1.withDayOfMonth(day);
    }

    private static PlanLineItem line(String cost, LocalDate from, LocalDate to) {
        PlanLineItem line = new PlanLineItem(UUID.randomUUID()) {
            @Override
            public BigDecimal getCost() {
                return new BigDecimal(cost);
            }
        };
        line.setStartDate(from);
        line.setEndDate(to);
        return line;
    }

    /** 300 € over 1–3 March (100 € a day) and 70 € over 2–8 March (10 € a day). */
    private static TreeMap<LocalDate, BigDecimal> planned() {
        return PlanVsActual.plannedDaily(List.of(line("300", mar(1), mar(3)), line("70", mar(2), mar(8))));
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void eachLineIsSpreadEvenlyOverItsFlight() {
        TreeMap<LocalDate, BigDecimal> daily = planned();
        assertThat(daily.firstKey()).isEqualTo(mar(1));
        assertThat(daily.lastKey()).isEqualTo(mar(8));
        assertThat(daily.get(mar(1))).isEqualByComparingTo("100");
        assertThat(daily.get(mar(2))).isEqualByComparingTo("110");
        assertThat(daily.get(mar(3))).isEqualByComparingTo("110");
        assertThat(daily.get(mar(4))).isEqualByComparingTo("10");
        assertThat(daily.get(mar(8))).isEqualByComparingTo("10");
        assertThat(PlanVsActual.cumulative(daily).get(mar(4))).isEqualByComparingTo("330");
        assertThat(PlanVsActual.cumulative(daily).lastEntry().getValue()).isEqualByComparingTo("370");
    }

    @Test
    void aLineWithoutCostOrDatesPlansNothing() {
        PlanLineItem noDates = line("500", null, null);
        assertThat(PlanVsActual.plannedDaily(List.of(noDates))).isEmpty();
        assertThat(PlanVsActual.plannedDaily(List.of(line("500", mar(5), mar(4))))).isEmpty();
    }

    @Test
    void pacingAndForecastOnTheFifthDay() {
        // Measured: 50, 80, nothing on the 3rd, 40, 30; the day before the start and the day after the cut
        // are not counted.
        Map<LocalDate, BigDecimal> measured = Map.of(mar(1).minusDays(1), money("5"), mar(1), money("50"),
                mar(2), money("80"), mar(4), money("40"), mar(5), money("30"), mar(6), money("999"));
        PlanVsActual pva = PlanVsActual.of(mar(1), mar(10), mar(5), "EUR", planned(), measured);

        assertThat(pva.cut()).isEqualTo(mar(5));
        assertThat(pva.actualDaily()).containsOnlyKeys(mar(1), mar(2), mar(4), mar(5));
        // 100 + 110 + 110 + 10 + 10
        assertThat(pva.plannedToDate()).isEqualByComparingTo("340");
        assertThat(pva.plannedTotal()).isEqualByComparingTo("370");
        assertThat(pva.actualToDate()).isEqualByComparingTo("200");
        // 200 ÷ 340 = 58,8235… %
        assertThat(pva.pacing()).isEqualByComparingTo("58.82");
        // Only 5 days since the start: 200 € in 5 days, 5 days left → 200 + 200 = 400 €, over the 370 € plan.
        assertThat(pva.forecastTotal()).isEqualByComparingTo("400");
        assertThat(pva.forecastOverPlan()).isTrue();
        assertThat(pva.forecastCumulative()).containsOnlyKeys(mar(5), mar(10));
        assertThat(pva.forecastCumulative().get(mar(5))).isEqualByComparingTo("200");
        assertThat(pva.forecastCumulative().get(mar(10))).isEqualByComparingTo("400");
    }

    @Test
    void theForecastFollowsThePaceOfTheLastSevenDays() {
        // 10 € a day from the 1st to the 13th, then 20 € a day from the 14th to the 20th.
        Map<LocalDate, BigDecimal> measured = new TreeMap<>();
        for (int day = 1; day <= 20; day++) {
            measured.put(mar(day), money(day <= 13 ? "10" : "20"));
        }
        TreeMap<LocalDate, BigDecimal> plan = PlanVsActual.plannedDaily(List.of(line("620", mar(1), mar(31))));
        PlanVsActual pva = PlanVsActual.of(mar(1), mar(31), mar(20), "EUR", plan, measured);

        // 13 × 10 + 7 × 20 = 270 € spent; planned 20 × 20 = 400 €.
        assertThat(pva.actualToDate()).isEqualByComparingTo("270");
        assertThat(pva.plannedToDate()).isEqualByComparingTo("400");
        assertThat(pva.pacing()).isEqualByComparingTo("67.50");
        // Last 7 days: 140 €, 20 € a day; 11 days left → 270 + 220 = 490 €, within the 620 € plan.
        assertThat(pva.forecastTotal()).isEqualByComparingTo("490");
        assertThat(pva.forecastOverPlan()).isFalse();
    }

    @Test
    void afterTheFlightTheForecastIsWhatWasSpent() {
        Map<LocalDate, BigDecimal> measured = Map.of(mar(2), money("120"), mar(8), money("60"));
        PlanVsActual pva = PlanVsActual.of(mar(1), mar(10), mar(25), "EUR", planned(), measured);
        assertThat(pva.cut()).isEqualTo(mar(10));
        assertThat(pva.plannedToDate()).isEqualByComparingTo("370");
        assertThat(pva.actualToDate()).isEqualByComparingTo("180");
        assertThat(pva.forecastTotal()).isEqualByComparingTo("180");
        assertThat(pva.forecastCumulative()).isEmpty();
        assertThat(pva.pacing()).isEqualByComparingTo("48.65");
    }

    @Test
    void beforeTheStartNothingIsPlannedNorForecast() {
        PlanVsActual pva = PlanVsActual.of(mar(1), mar(10), mar(1).minusDays(3), "EUR", planned(), Map.of());
        assertThat(pva.plannedToDate()).isEqualByComparingTo("0");
        assertThat(pva.pacing()).isNull();
        assertThat(pva.forecastTotal()).isNull();
        assertThat(pva.forecastOverPlan()).isFalse();
        assertThat(pva.forecastCumulative()).isEmpty();
    }

    @Test
    void aTotalToDateIsItsShareOfTheFlight() {
        // 300 over 3 days: 200 after two days.
        assertThat(PlanVsActual.toDate(money("300"), mar(1), mar(3), mar(2))).isEqualByComparingTo("200");
        // 1 000 impressions over 7 days, 3 days in: 428,571429
        assertThat(PlanVsActual.toDate(money("1000"), mar(1), mar(7), mar(3))).isEqualByComparingTo("428.571429");
        assertThat(PlanVsActual.toDate(money("300"), mar(1), mar(3), mar(1).minusDays(1))).isEqualByComparingTo("0");
        assertThat(PlanVsActual.toDate(money("300"), mar(1), mar(3), mar(9))).isEqualByComparingTo("300");
        assertThat(PlanVsActual.toDate(null, mar(1), mar(3), mar(2))).isEqualByComparingTo("0");
        assertThat(PlanVsActual.pacing(money("55"), money("50"))).isEqualByComparingTo("110.00");
        assertThat(PlanVsActual.pacing(money("55"), BigDecimal.ZERO)).isNull();
    }
}
