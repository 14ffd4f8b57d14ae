package com.campagne.plans.money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Negotiated discounts as vendors grant them: percentages applied one after the other, each on the price
 * left by the previous one ("remise en cascade"). 20 % then 10 % leaves 0.8 × 0.9 = 72 % of the rate card,
 * an effective discount of 28 %, not 30 %: the second discount is taken from an already-reduced price.
 * The order therefore does not change the net price, but adding the percentages would overstate the saving.
 *
 * <p>Each percentage is between 0 and 100 inclusive; 100 % makes the line free (a bonus placement).
 * Factors are exact decimals, never rounded: rounding happens once, on the line total.
 */
public record Discounts(List<BigDecimal> percentages) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Discounts {
        Objects.requireNonNull(percentages, "percentages");
        percentages = List.copyOf(percentages);
        for (BigDecimal p : percentages) {
            if (p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("A discount is a percentage between 0 and 100, not " + p.toPlainString());
            }
        }
    }

    public static Discounts none() {
        return new Discounts(List.of());
    }

    public static Discounts of(BigDecimal... percentages) {
        return new Discounts(Arrays.asList(percentages));
    }

    /** {@code Discounts.of("20", "10")}: percentages as decimal strings, so 12.5 stays exactly 12.5. */
    public static Discounts of(String... percentages) {
        return new Discounts(Arrays.stream(percentages).map(BigDecimal::new).toList());
    }

    /** What is left of the gross price: the product of (1 − p/100); 0.72 for 20 % then 10 %. Exact. */
    public BigDecimal netFactor() {
        BigDecimal factor = BigDecimal.ONE;
        for (BigDecimal p : percentages) {
            factor = factor.multiply(HUNDRED.subtract(p)).movePointLeft(2);
        }
        return factor;
    }

    /** The single discount equivalent to the cascade, in percent: 28 for 20 % then 10 %. Exact. */
    public BigDecimal effectivePercent() {
        return BigDecimal.ONE.subtract(netFactor()).movePointRight(2).stripTrailingZeros();
    }

    /** The gross price after all discounts, at full precision. */
    public Money apply(Money gross) {
        return gross.times(netFactor());
    }

    public BigDecimal apply(BigDecimal gross) {
        return gross.multiply(netFactor());
    }
}
