package com.campagne.plans.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Largest remainder apportionment of whole units (cents, tenths of a percent) by weights. */
final class Allocation {

    private Allocation() {
    }

    /**
     * Parts of {@code units} (non-negative) proportional to {@code weights}, summing exactly to {@code units}.
     * Floors first, then one extra unit to each of the largest remainders; ties go to the earlier index.
     * Integer arithmetic throughout: a rounded division could floor 2.999… to 3 and give away a unit twice.
     */
    static List<BigInteger> largestRemainder(BigInteger units, List<? extends Number> weights) {
        if (units.signum() < 0) {
            throw new IllegalArgumentException("Cannot allocate a negative number of units: " + units);
        }
        List<BigDecimal> decimals = weights.stream().map(Allocation::decimal).toList();
        int scale = decimals.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        List<BigInteger> w = decimals.stream().map(d -> d.setScale(Math.max(scale, 0)).unscaledValue()).toList();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).signum() < 0) {
                throw new IllegalArgumentException("Negative weight " + decimals.get(i) + " cannot take a share");
            }
            sum = sum.add(w.get(i));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("All weights are zero: nothing to share in proportion to");
        }
        List<BigInteger> parts = new ArrayList<>(w.size());
        List<BigInteger> remainders = new ArrayList<>(w.size());
        BigInteger given = BigInteger.ZERO;
        for (BigInteger weight : w) {
            BigInteger[] qr = units.multiply(weight).divideAndRemainder(sum);
            parts.add(qr[0]);
            remainders.add(qr[1]); // same denominator for all, so comparable as they are
            given = given.add(qr[0]);
        }
        int left = units.subtract(given).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, w.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < left; k++) {
            int i = byRemainder.get(k);
            parts.set(i, parts.get(i).add(BigInteger.ONE));
        }
        return parts;
    }

    private static BigDecimal decimal(Number n) {
        if (n == null) {
            throw new IllegalArgumentException("Missing weight");
        }
        return n instanceof BigDecimal b ? b : n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
    }
}
