package com.campagne.plans.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PlanTotalsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Four lines, three channels, three vendors; the first flight crosses January and February. */
    private static final List<PlanLine> PLAN = List.of(
            new PlanLine("display", "Le Monde", eur("1000.00"), d("2027-01-10"), d("2027-02-09")),
            new PlanLine("search", "Google", eur("2500.00"), d("2027-02-01"), d("2027-02-28")),
            new PlanLine("display", "Google", eur("500.00"), d("2027-01-15"), d("2027-01-15")),
            new PlanLine("social", "Meta", eur("1000.00"), d("2027-03-01"), d("2027-03-31")));

    private static PlanTotals plan(String budget, AgencyFee fee) {
        return new PlanTotals(eur(budget), PLAN, fee);
    }

    @Test
    void totalsByChannelAndVendor() {
        PlanTotals totals = plan("10000", AgencyFee.NONE);
        assertThat(totals.mediaCost()).isEqualTo(eur("5000.00"));
        assertThat(totals.byChannel()).containsExactly(
                entry("display", eur("1500.00")), entry("search", eur("2500.00")), entry("social", eur("1000.00")));
        assertThat(totals.byVendor()).containsExactly(
                entry("Le Monde", eur("1000.00")), entry("Google", eur("3000.00")), entry("Meta", eur("1000.00")));
    }

    @Test
    void aFlightCrossingMonthsIsSpreadByDays() {
        // 10 Jan – 9 Feb: 22 days in January, 9 in February, 31 in all.
        // 100 000 cents × 22/31 = 70 967.74, × 9/31 = 29 032.26 → floors 70 967 + 29 032; the cent left goes to January (.74).
        PlanLine line = PLAN.get(0);
        assertThat(PlanTotals.spreadByMonth(line)).containsExactly(
                entry(YearMonth.of(2027, 1), eur("709.68")), entry(YearMonth.of(2027, 2), eur("290.32")));
    }

    @Test
    void totalsByMonthAddUpToTheMediaCost() {
        PlanTotals totals = plan("10000", AgencyFee.NONE);
        // January: 709.68 + 500 (one-day line); February: 290.32 + 2 500; March: 1 000.
        assertThat(totals.byMonth()).containsExactly(
                entry(YearMonth.of(2027, 1), eur("1209.68")),
                entry(YearMonth.of(2027, 2), eur("2790.32")),
                entry(YearMonth.of(2027, 3), eur("1000.00")));
        assertThat(Money.sum(EUR, totals.byMonth().values())).isEqualTo(totals.mediaCost());
    }

    @Test
    void threeMonthFlightGivesTheLeftoverCentToTheEarlierOfEqualRemainders() {
        // 1 Jan – 31 Mar 2027: 31 + 28 + 31 = 90 days. 100 000 × 31/90 = 34 444.44…, × 28/90 = 31 111.11…
        // Floors sum to 99 999; January and March tie on the remainder, January (earlier) gets the cent.
        PlanLine line = new PlanLine("tv", "TF1", eur("1000"), d("2027-01-01"), d("2027-03-31"));
        assertThat(PlanTotals.spreadByMonth(line)).containsExactly(
                entry(YearMonth.of(2027, 1), eur("344.45")),
                entry(YearMonth.of(2027, 2), eur("311.11")),
                entry(YearMonth.of(2027, 3), eur("344.44")));
    }

    @Test
    void leapYearFebruaryCountsItsTwentyNinthDay() {
        // 15 Feb – 14 Mar 2028: 15 days in February (15…29), 14 in March, 29 in all; 290 € → 10 € a day.
        PlanLine line = new PlanLine("radio", "RTL", eur("290"), d("2028-02-15"), d("2028-03-14"));
        assertThat(PlanTotals.spreadByMonth(line)).containsExactly(
                entry(YearMonth.of(2028, 2), eur("150.00")), entry(YearMonth.of(2028, 3), eur("140.00")));
    }

    @Test
    void yenFlightAcrossTheNewYearSplitsInWholeYen() {
        // 20 Dec 2026 – 10 Jan 2027: 12 + 10 = 22 days. 100 000 × 12/22 = 54 545.45, × 10/22 = 45 454.54 → January gets the yen left.
        PlanLine line = new PlanLine("outdoor", "JCDecaux", Money.of("100000", "JPY"), d("2026-12-20"), d("2027-01-10"));
        assertThat(PlanTotals.spreadByMonth(line)).containsExactly(
                entry(YearMonth.of(2026, 12), Money.of("54545", "JPY")),
                entry(YearMonth.of(2027, 1), Money.of("45455", "JPY")));
    }

    @Test
    void aFreeLineSpreadsAsZero() {
        PlanLine bonus = new PlanLine("display", "Le Monde", eur("0"), d("2027-01-30"), d("2027-02-02"));
        assertThat(PlanTotals.spreadByMonth(bonus)).containsExactly(
                entry(YearMonth.of(2027, 1), eur("0")), entry(YearMonth.of(2027, 2), eur("0")));
    }

    @Test
    void channelSharesWithOneDecimal() {
        assertThat(plan("10000", AgencyFee.NONE).channelShares()).containsExactly(
                entry("display", new BigDecimal("30.0")), entry("search", new BigDecimal("50.0")),
                entry("social", new BigDecimal("20.0")));
    }

    @Test
    void channelSharesAlwaysSumToOneHundred() {
        List<PlanLine> thirds = List.of(
                new PlanLine("display", "A", eur("100"), d("2027-01-01"), d("2027-01-31")),
                new PlanLine("search", "B", eur("100"), d("2027-01-01"), d("2027-01-31")),
                new PlanLine("social", "C", eur("100"), d("2027-01-01"), d("2027-01-31")));
        Map<String, BigDecimal> shares = new PlanTotals(eur("1000"), thirds, null).channelShares();
        // 33.33… each: 333 tenths each, the tenth left to the first.
        assertThat(shares).containsExactly(entry("display", new BigDecimal("33.4")),
                entry("search", new BigDecimal("33.3")), entry("social", new BigDecimal("33.3")));
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.0");

        // 1 : 2 : 3 : 4 : 5 : 6 of 21 in tenths of a percent: 47.619, 95.238, 142.857, 190.476, 238.095, 285.714.
        // Floors 47 + 95 + 142 + 190 + 238 + 285 = 997; the 3 tenths left go to the largest remainders
        // (.857, .714, .619: the 3rd, 6th and 1st) → 4.8, 9.5, 14.3, 19.0, 23.8, 28.6; rounding each would give 99.9.
        List<PlanLine> ramp = List.of(
                new PlanLine("c1", "V", eur("1"), d("2027-01-01"), d("2027-01-01")),
                new PlanLine("c2", "V", eur("2"), d("2027-01-01"), d("2027-01-01")),
                new PlanLine("c3", "V", eur("3"), d("2027-01-01"), d("2027-01-01")),
                new PlanLine("c4", "V", eur("4"), d("2027-01-01"), d("2027-01-01")),
                new PlanLine("c5", "V", eur("5"), d("2027-01-01"), d("2027-01-01")),
                new PlanLine("c6", "V", eur("6"), d("2027-01-01"), d("2027-01-01")));
        Map<String, BigDecimal> rampShares = new PlanTotals(eur("100"), ramp, null).channelShares();
        assertThat(rampShares).containsExactly(
                entry("c1", new BigDecimal("4.8")), entry("c2", new BigDecimal("9.5")), entry("c3", new BigDecimal("14.3")),
                entry("c4", new BigDecimal("19.0")), entry("c5", new BigDecimal("23.8")), entry("c6", new BigDecimal("28.6")));
        assertThat(rampShares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.0");
    }

    @Test
    void sharesOfAPlanWithoutCostAreZero() {
        List<PlanLine> free = List.of(new PlanLine("display", "A", eur("0"), d("2027-01-01"), d("2027-01-31")));
        assertThat(new PlanTotals(eur("1000"), free, null).channelShares())
                .containsExactly(entry("display", new BigDecimal("0.0")));
        assertThat(new PlanTotals(eur("1000"), List.of(), null).channelShares()).isEmpty();
    }

    @Test
    void percentageCommissionAndGrandTotal() {
        PlanTotals totals = plan("10000", AgencyFee.percentOfMedia("15"));
        assertThat(totals.agencyFee()).isEqualTo(eur("750.00"));
        assertThat(totals.grandTotal()).isEqualTo(eur("5750.00"));
        assertThat(totals.remainingBudget()).isEqualTo(eur("4250.00"));
        assertThat(totals.overBudget()).isFalse();
        assertThat(totals.overBudgetAmount().isZero()).isTrue();
    }

    @Test
    void commissionIsRoundedOnce() {
        // 12.5 % of 1 234.57 € = 154.32125 → 154.32 €.
        assertThat(AgencyFee.percentOfMedia("12.5").on(eur("1234.57"))).isEqualTo(eur("154.32"));
        // 15 % of 0.10 € = 0.015 → 0.02 € (half up).
        assertThat(AgencyFee.percentOfMedia("15").on(eur("0.10"))).isEqualTo(eur("0.02"));
        assertThatThrownBy(() -> AgencyFee.percentOfMedia("101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgencyFee.percentOfMedia("-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flatFee() {
        PlanTotals totals = plan("6000", AgencyFee.flat(eur("1200")));
        assertThat(totals.agencyFee()).isEqualTo(eur("1200.00"));
        assertThat(totals.grandTotal()).isEqualTo(eur("6200.00"));
        assertThat(totals.overBudget()).isTrue();
        assertThat(totals.overBudgetAmount()).isEqualTo(eur("200.00"));
        assertThat(AgencyFee.NONE.on(eur("5000")).isZero()).isTrue();
    }

    @Test
    void overBudgetCountsTheAgencyFee() {
        // Media 5 000 € fits a 5 500 € budget, but with 15 % commission the client pays 5 750 €.
        PlanTotals totals = plan("5500", AgencyFee.percentOfMedia("15"));
        assertThat(totals.overBudget()).isTrue();
        assertThat(totals.overBudgetAmount()).isEqualTo(eur("250.00"));
        assertThat(totals.remainingBudget()).isEqualTo(eur("-250.00"));
        assertThat(plan("5500", AgencyFee.NONE).overBudget()).isFalse();
    }

    @Test
    void exactlyOnBudgetIsNotOver() {
        PlanTotals totals = plan("5000", null);
        assertThat(totals.overBudget()).isFalse();
        assertThat(totals.remainingBudget().isZero()).isTrue();
        assertThat(totals.overBudgetAmount().isZero()).isTrue();
        assertThat(plan("4999.99", null).overBudgetAmount()).isEqualTo(eur("0.01"));
    }

    @Test
    void linesAreKeptRoundedToMinorUnits() {
        PlanLine line = new PlanLine("display", "A", eur("10.005"), d("2027-01-01"), d("2027-01-01"));
        assertThat(line.cost().amount().toPlainString()).isEqualTo("10.01");
    }

    @Test
    void currenciesAreNotMixed() {
        List<PlanLine> mixed = List.of(
                new PlanLine("display", "A", eur("100"), d("2027-01-01"), d("2027-01-31")),
                new PlanLine("search", "B", Money.of("100", "USD"), d("2027-01-01"), d("2027-01-31")));
        assertThatThrownBy(() -> new PlanTotals(eur("1000"), mixed, null)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> plan("10000", AgencyFee.flat(Money.of("100", "USD"))).agencyFee())
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void aFlightEndsOnOrAfterItsStart() {
        assertThatThrownBy(() -> new PlanLine("display", "A", eur("1"), d("2027-02-01"), d("2027-01-31")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanLine("display", "A", eur("-1"), d("2027-01-01"), d("2027-01-31")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromLineCostsToPlanTotals() {
        // A CPM line and a flat fee computed by LineCost, then totalled: 1 080 + 4 275 = 5 355 €.
        Money display = new LineCost(BuyingModel.CPM, eur("10"), Discounts.of("20", "10"), new BigDecimal("150000")).cost();
        Money sponsorship = new LineCost(BuyingModel.FLAT_FEE, eur("5000"), Discounts.of("10", "5"), null).cost();
        PlanTotals totals = new PlanTotals(eur("6000"), List.of(
                new PlanLine("display", "Le Monde", display, d("2027-01-01"), d("2027-01-31")),
                new PlanLine("partnership", "Le Monde", sponsorship, d("2027-01-01"), d("2027-01-31"))),
                AgencyFee.percentOfMedia("10"));
        assertThat(totals.mediaCost()).isEqualTo(eur("5355.00"));
        assertThat(totals.byVendor()).containsExactly(entry("Le Monde", eur("5355.00")));
        assertThat(totals.agencyFee()).isEqualTo(eur("535.50"));
        assertThat(totals.grandTotal()).isEqualTo(eur("5890.50"));
        assertThat(totals.remainingBudget()).isEqualTo(eur("109.50"));
    }
}
