package com.campagne.plans.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void halvesRoundAwayFromZeroLikeExcelRound() {
        assertThat(eur("0.005").rounded().amount()).isEqualByComparingTo("0.01");
        assertThat(eur("0.015").rounded().amount()).isEqualByComparingTo("0.02");
        // Half-even would give 0.02 here; the spreadsheet's ROUND gives 0.03.
        assertThat(eur("0.025").rounded().amount()).isEqualByComparingTo("0.03");
        assertThat(eur("-0.025").rounded().amount()).isEqualByComparingTo("-0.03");
        assertThat(eur("1.0049").rounded().amount()).isEqualByComparingTo("1.00");
        assertThat(eur("2.675").rounded().amount()).isEqualByComparingTo("2.68");
    }

    @Test
    void roundingKeepsTheCurrencysMinorUnits() {
        assertThat(eur("7").rounded().amount().scale()).isEqualTo(2);
        assertThat(eur("7").rounded().amount().toPlainString()).isEqualTo("7.00");
        Money yen = Money.of("1234.5", "JPY");
        assertThat(yen.minorUnits()).isZero();
        assertThat(yen.rounded().amount().toPlainString()).isEqualTo("1235");
        assertThat(Money.of("1234.4", "JPY").rounded().amount().toPlainString()).isEqualTo("1234");
        assertThat(Money.of("1234.4", "JPY").isRounded()).isFalse();
        assertThat(Money.of("1234", "JPY").isRounded()).isTrue();
        assertThat(eur("1.50").isRounded()).isTrue();
        assertThat(eur("1.505").isRounded()).isFalse();
    }

    @Test
    void arithmeticKeepsFullPrecision() {
        Money price = eur("10").times(new BigDecimal("0.72")).times(new BigDecimal("0.001"));
        assertThat(price.amount()).isEqualByComparingTo("0.0072");
        assertThat(eur("10.10").plus(eur("0.005")).amount()).isEqualByComparingTo("10.105");
        assertThat(eur("10").minus(eur("12.5")).amount()).isEqualByComparingTo("-2.5");
        assertThat(eur("3.2").negate()).isEqualTo(eur("-3.2"));
    }

    @Test
    void equalityIgnoresScaleButNotCurrency() {
        assertThat(eur("10")).isEqualTo(eur("10.00"));
        assertThat(eur("10")).hasSameHashCodeAs(eur("10.00"));
        assertThat(eur("0")).hasSameHashCodeAs(eur("0.00"));
        assertThat(eur("10")).isNotEqualTo(Money.of("10", "USD"));
    }

    @Test
    void compareAndZero() {
        assertThat(eur("2.5")).isGreaterThan(eur("2.49"));
        assertThat(eur("2.5").isGreaterThan(eur("2.50"))).isFalse();
        assertThat(eur("2.50").compareTo(eur("2.5"))).isZero();
        assertThat(eur("2.5").max(eur("3"))).isEqualTo(eur("3"));
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(eur("0.00").isZero()).isTrue();
        assertThat(eur("-0.01").isNegative()).isTrue();
        assertThat(eur("0.01").isPositive()).isTrue();
        assertThat(List.of(eur("3"), eur("1"), eur("2")).stream().sorted(Money.order()).toList())
                .containsExactly(eur("1"), eur("2"), eur("3"));
    }

    @Test
    void sumOfAList() {
        assertThat(Money.sum(EUR, List.of(eur("0.10"), eur("0.20"), eur("0.30")))).isEqualTo(eur("0.60"));
        assertThat(Money.sum(EUR, List.of())).isEqualTo(Money.zero(EUR));
        assertThat(Money.sum(JPY, List.of())).isEqualTo(Money.of(0, "JPY"));
    }

    @Test
    void mixingCurrenciesIsRefused() {
        Money usd = Money.of("5", "USD");
        assertThatThrownBy(() -> eur("10").plus(usd))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> eur("10").minus(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> eur("10").compareTo(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.sum(EUR, List.of(eur("1"), usd))).isInstanceOf(CurrencyMismatchException.class);
        CurrencyMismatchException e = org.junit.jupiter.api.Assertions.assertThrows(
                CurrencyMismatchException.class, () -> eur("1").plus(usd));
        assertThat(e.expected()).isEqualTo(EUR);
        assertThat(e.actual().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aCurrencyWithoutMinorUnitsIsNotMoney() {
        // XXX ("no currency") has no fraction digits (-1): there is nothing to round to.
        assertThatThrownBy(() -> Money.of("1", "XXX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocatesEquallyWithTheExtraCentsFirst() {
        assertThat(eur("100").allocate(3)).containsExactly(eur("33.34"), eur("33.33"), eur("33.33"));
        assertThat(eur("0.05").allocate(2)).containsExactly(eur("0.03"), eur("0.02"));
        assertThat(Money.of("1000", "JPY").allocate(3))
                .containsExactly(Money.of("334", "JPY"), Money.of("333", "JPY"), Money.of("333", "JPY"));
        assertThat(eur("-100").allocate(3)).containsExactly(eur("-33.34"), eur("-33.33"), eur("-33.33"));
    }

    @Test
    void allocatesByWeightsToTheLargestRemainders() {
        // 10.00 by 1:1:1:7 → 1.00, 1.00, 1.00, 7.00 exactly.
        assertThat(eur("10").allocate(List.of(1, 1, 1, 7)))
                .containsExactly(eur("1"), eur("1"), eur("1"), eur("7"));
        // 1.00 by 1:2:3 → 16.67, 33.33, 50 cents exact shares → floors 16, 33, 50 (99), the .67 gets the cent.
        assertThat(eur("1").allocate(List.of(1, 2, 3))).containsExactly(eur("0.17"), eur("0.33"), eur("0.50"));
        // Decimal weights work the same: 3 cents by 0.5 : 0.25 : 0.25 are 1.5, 0.75, 0.75 → floors 1, 0, 0,
        // and the two cents left go to the .75 remainders, not to the largest share.
        assertThat(eur("0.03").allocate(List.of(new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("0.25"))))
                .containsExactly(eur("0.01"), eur("0.01"), eur("0.01"));
        // A zero weight gets nothing.
        assertThat(eur("9.99").allocate(List.of(0, 1))).containsExactly(eur("0"), eur("9.99"));
        // The amount is rounded before being split: 10.005 → 10.01.
        assertThat(eur("10.005").allocate(2)).containsExactly(eur("5.01"), eur("5.00"));
    }

    @Test
    void allocationAlwaysAddsUpToTheRoundedTotal() {
        Money total = eur("1234.57");
        List<Integer> weights = List.of(7, 13, 29, 31, 1, 3);
        assertThat(Money.sum(EUR, total.allocate(weights))).isEqualTo(total);
        for (int n = 1; n <= 17; n++) {
            assertThat(Money.sum(EUR, total.allocate(n))).as("in %d parts", n).isEqualTo(total);
        }
    }

    @Test
    void allocationRefusesImpossibleWeights() {
        assertThatThrownBy(() -> eur("1").allocate(List.of(0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur("1").allocate(List.of(1, -1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur("1").allocate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur("1").allocate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
