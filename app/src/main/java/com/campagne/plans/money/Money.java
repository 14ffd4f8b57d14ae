package com.campagne.plans.money;

import com.campagne.base.ui.Formats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in one currency. Arithmetic only combines amounts of the same currency
 * ({@link CurrencyMismatchException} otherwise): a plan never converts silently.
 *
 * <p>Intermediate results keep full precision (a net CPM of 7.2 € × 150 000 / 1000 is computed exactly);
 * only {@link #rounded()} brings an amount to the currency's minor units (2 for EUR/USD, 0 for JPY).
 * Rounding is {@link RoundingMode#HALF_UP} (half away from zero), not banker's rounding, because
 * the plan is exported to XLSX with live formulas and sent to clients who check it: Excel's
 * {@code ROUND}, French commercial practice and invoices all round halves away from zero, so a
 * half-even total would differ by a cent from the spreadsheet the client re-adds. The statistical bias
 * half-up has over many values does not matter here because only line totals are rounded, and
 * splits (months, shares) are done by {@link #allocate} so their parts add up exactly anyway.
 *
 * <p>Equality ignores the scale: 10 € and 10.00 € are equal.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The one rounding rule for money in plans; see the class comment for why it is not half-even. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor units; not a money currency");
        }
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(long amount, String currencyCode) {
        return new Money(BigDecimal.valueOf(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Sum of the amounts, all in {@code currency}; an empty list sums to zero (hence the explicit currency). */
    public static Money sum(Currency currency, Collection<Money> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Money m : amounts) {
            total = total.add(checkSame(currency, m).amount);
        }
        return new Money(total, currency);
    }

    /** Digits after the decimal point for this currency (2 for EUR, 0 for JPY). */
    public int minorUnits() {
        return currency.getDefaultFractionDigits();
    }

    /** This amount at the currency's minor units, halves away from zero ({@link #ROUNDING}). */
    public Money rounded() {
        return new Money(amount.setScale(minorUnits(), ROUNDING), currency);
    }

    public boolean isRounded() {
        return amount.stripTrailingZeros().scale() <= minorUnits();
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /** Exact product (no rounding); call {@link #rounded()} on the final result. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** Orders amounts of one currency; comparing across currencies throws. */
    public static Comparator<Money> order() {
        return Money::compareTo;
    }

    /**
     * Splits the rounded amount into parts proportional to {@code weights} that add up exactly to it,
     * by the largest remainder method: each part gets the whole minor units of its exact share, and the
     * minor units left over go one each to the parts with the largest fractional remainders (ties to
     * the earlier part, so the result is deterministic). Proportional rounding of each part on its own
     * would leave the months of a line, or the shares of a plan, a cent off the total.
     *
     * @param weights non-negative, not all zero (e.g. days per month)
     */
    public List<Money> allocate(List<? extends Number> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Nothing to allocate to: no weights");
        }
        Money total = rounded();
        BigInteger units = total.amount.movePointRight(minorUnits()).toBigIntegerExact();
        List<BigInteger> parts = Allocation.largestRemainder(units.abs(), weights);
        List<Money> result = new ArrayList<>(parts.size());
        for (BigInteger part : parts) {
            BigInteger signed = units.signum() < 0 ? part.negate() : part;
            result.add(new Money(new BigDecimal(signed, minorUnits()), currency));
        }
        return result;
    }

    /** Splits the rounded amount into {@code count} parts as equal as possible, the extra minor units first. */
    public List<Money> allocate(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("Cannot allocate into " + count + " parts");
        }
        List<Integer> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            weights.add(1);
        }
        return allocate(weights);
    }

    /** The rounded amount as the locale writes it, through the app's {@link Formats} (1 234,56 € / €1,234.56). */
    public String format(Locale locale) {
        return Formats.money(rounded().amount, currency.getCurrencyCode(), locale);
    }

    private Money same(Money other) {
        return checkSame(currency, other);
    }

    private static Money checkSame(Currency currency, Money other) {
        Objects.requireNonNull(other, "money");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
