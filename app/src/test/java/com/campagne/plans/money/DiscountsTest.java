package com.campagne.plans.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountsTest {

    @Test
    void cascadingDiscountsMultiplyNotAdd() {
        Discounts discounts = Discounts.of("20", "10");
        assertThat(discounts.netFactor()).isEqualByComparingTo("0.72");
        assertThat(discounts.effectivePercent()).isEqualByComparingTo("28");
        assertThat(discounts.apply(Money.of("1000", "EUR"))).isEqualTo(Money.of("720", "EUR"));
        assertThat(discounts.apply(new BigDecimal("10"))).isEqualByComparingTo("7.2");
    }

    @Test
    void theOrderOfTheCascadeDoesNotChangeTheNetPrice() {
        assertThat(Discounts.of("10", "20").netFactor()).isEqualByComparingTo(Discounts.of("20", "10").netFactor());
    }

    @Test
    void fractionalPercentagesStayExact() {
        // 0.875 × 0.667 = 0.583625 → 41.6375 % effective.
        Discounts discounts = Discounts.of("12.5", "33.3");
        assertThat(discounts.netFactor()).isEqualByComparingTo("0.583625");
        assertThat(discounts.effectivePercent()).isEqualByComparingTo("41.6375");
        // Three cascades: 0.9 × 0.95 × 0.98 = 0.8379.
        assertThat(Discounts.of("10", "5", "2").netFactor()).isEqualByComparingTo("0.8379");
    }

    @Test
    void noDiscountAndZeroPercentLeaveTheGrossPrice() {
        assertThat(Discounts.none().netFactor()).isEqualByComparingTo("1");
        assertThat(Discounts.none().effectivePercent()).isEqualByComparingTo("0");
        assertThat(Discounts.of("0").netFactor()).isEqualByComparingTo("1");
        assertThat(Discounts.of("0", "0").effectivePercent()).isEqualByComparingTo("0");
        assertThat(Discounts.of("0").apply(Money.of("12.34", "EUR"))).isEqualTo(Money.of("12.34", "EUR"));
    }

    @Test
    void oneHundredPercentMakesItFree() {
        assertThat(Discounts.of("100").netFactor()).isEqualByComparingTo("0");
        assertThat(Discounts.of("100").effectivePercent()).isEqualByComparingTo("100");
        assertThat(Discounts.of("20", "100").apply(Money.of("5000", "EUR")).isZero()).isTrue();
    }

    @Test
    void percentagesOutsideZeroToHundredAreRefused() {
        assertThatThrownBy(() -> Discounts.of("-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> Discounts.of("100.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discounts.of("20", "150")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discounts.of("abc")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Discounts.of((BigDecimal) null)).isInstanceOf(NullPointerException.class);
    }
}
