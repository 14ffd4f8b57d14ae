package com.campagne.analytics;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sums of a set of metric rows, kept apart per currency (rows without money have none), so amounts
 * of two currencies are never added silently. Counts (impressions, sessions…) add up across currencies.
 */
public record MetricTotals(Map<String, MeasureSums> byCurrency) {

    /** The key of the rows that carry no currency (analytics, e-mailing). */
    public static final String NO_CURRENCY = "";

    public static final MetricTotals EMPTY = new MetricTotals(Map.of());

    public MetricTotals {
        byCurrency = Collections.unmodifiableMap(new LinkedHashMap<>(byCurrency));
    }

    /** Totals of rows read as (currency or null, sums). */
    public static MetricTotals of(List<Map.Entry<String, MeasureSums>> rows) {
        Map<String, MeasureSums> map = new LinkedHashMap<>();
        for (Map.Entry<String, MeasureSums> row : rows) {
            map.merge(Objects.requireNonNullElse(row.getKey(), NO_CURRENCY).trim(), row.getValue(), MeasureSums::plus);
        }
        return new MetricTotals(map);
    }

    public MetricTotals plus(MetricTotals other) {
        Map<String, MeasureSums> map = new LinkedHashMap<>(byCurrency);
        other.byCurrency.forEach((currency, sums) -> map.merge(currency, sums, MeasureSums::plus));
        return new MetricTotals(map);
    }

    /** Every row's counts, money left out (it would mix currencies). */
    public MeasureSums counts() {
        return byCurrency.values().stream().map(MeasureSums::withoutMoney).reduce(MeasureSums.EMPTY, MeasureSums::plus);
    }

    /** The rows in that currency, money included. */
    public MeasureSums in(String currency) {
        return byCurrency.getOrDefault(currency, MeasureSums.EMPTY);
    }

    /** The currencies that carry money, the one with the most cost first. */
    public List<String> currencies() {
        return byCurrency.entrySet().stream().filter(e -> !e.getKey().equals(NO_CURRENCY))
                .sorted(Comparator.comparing((Map.Entry<String, MeasureSums> e) ->
                        e.getValue().cost() == null ? java.math.BigDecimal.ZERO : e.getValue().cost()).reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** The currency to show money in: the preferred one if rows have it, else the biggest, else the preferred. */
    public String mainCurrency(String preferred) {
        List<String> present = currencies();
        return present.isEmpty() || present.contains(preferred) ? preferred : present.getFirst();
    }

    /** The value of a KPI, money in that currency; null when it cannot be computed (shown "—"). */
    public java.math.BigDecimal value(Kpi kpi, String currency) {
        return kpi.compute(in(currency), counts());
    }

    public boolean isEmpty() {
        return byCurrency.values().stream().allMatch(s -> s.factRows() == 0);
    }
}
