package com.campagne.analytics;

import com.campagne.plans.PlanLineItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's spend against its media plan, day by day and cumulated: the planned curve (each line's cost
 * spread evenly over its flight), the actual one (measured cost of the linked network campaigns, in the
 * campaign's currency), and a forecast to the end of the flight at the pace of the last 7 measured days.
 *
 * @param plannedDaily   planned cost per day over the campaign's period
 * @param actualDaily    measured cost per day, up to {@code asOf} (days without data absent)
 * @param plannedToDate  planned cost from the start to {@code asOf} included
 * @param actualToDate   measured cost to {@code asOf}
 * @param plannedTotal   the plan's media cost
 * @param forecastTotal  actual to date + the recent daily pace × the days left (null before any data)
 * @param pacing         actual to date ÷ planned to date, in % (null when nothing was planned yet)
 */
public record PlanVsActual(LocalDate start, LocalDate end, LocalDate asOf, String currency,
                           TreeMap<LocalDate, BigDecimal> plannedDaily, TreeMap<LocalDate, BigDecimal> actualDaily,
                           BigDecimal plannedToDate, BigDecimal actualToDate, BigDecimal plannedTotal,
                           BigDecimal forecastTotal, BigDecimal pacing) {

    /** Days of pace the forecast looks back on. */
    public static final int PACE_DAYS = 7;

    /** Planned cost per day: each line's cost spread evenly over its flight (money stays exact to 1e-6). */
    public static TreeMap<LocalDate, BigDecimal> plannedDaily(List<PlanLineItem> lines) {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (PlanLineItem line : lines) {
            if (line.getCost() == null || line.getStartDate() == null || line.getEndDate() == null
                    || line.getEndDate().isBefore(line.getStartDate())) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(line.getStartDate(), line.getEndDate()) + 1;
            BigDecimal perDay = line.getCost().divide(BigDecimal.valueOf(days), 6, RoundingMode.HALF_UP);
            line.getStartDate().datesUntil(line.getEndDate().plusDays(1))
                    .forEach(day -> daily.merge(day, perDay, BigDecimal::add));
        }
        return daily;
    }

    /** Builds the comparison from the planned and measured daily costs. */
    public static PlanVsActual of(LocalDate start, LocalDate end, LocalDate asOf, String currency,
                                  TreeMap<LocalDate, BigDecimal> plannedDaily,
                                  Map<LocalDate, BigDecimal> measuredDaily) {
        LocalDate cut = asOf.isAfter(end) ? end : asOf;
        TreeMap<LocalDate, BigDecimal> actual = new TreeMap<>();
        measuredDaily.forEach((day, cost) -> {
            if (cost != null && !day.isBefore(start) && !day.isAfter(cut)) {
                actual.put(day, cost);
            }
        });
        BigDecimal plannedToDate = sum(plannedDaily.headMap(cut, true));
        BigDecimal actualToDate = sum(actual);
        BigDecimal plannedTotal = sum(plannedDaily);
        BigDecimal forecast = null;
        if (!actual.isEmpty()) {
            LocalDate paceFrom = cut.minusDays(PACE_DAYS - 1L);
            BigDecimal recent = sum(actual.subMap(paceFrom.isBefore(start) ? start : paceFrom, true, cut, true));
            long paceDays = ChronoUnit.DAYS.between(paceFrom.isBefore(start) ? start : paceFrom, cut) + 1;
            long daysLeft = Math.max(0, ChronoUnit.DAYS.between(cut, end));
            forecast = actualToDate.add(recent.multiply(BigDecimal.valueOf(daysLeft))
                    .divide(BigDecimal.valueOf(paceDays), 2, RoundingMode.HALF_UP));
        }
        BigDecimal pacing = pacing(actualToDate, plannedToDate);
        return new PlanVsActual(start, end, asOf, currency, plannedDaily, actual, plannedToDate, actualToDate,
                plannedTotal, forecast, pacing);
    }

    /** The last day measured figures are counted to: {@code asOf}, or the end of the flight once it is over. */
    public LocalDate cut() {
        return asOf.isAfter(end) ? end : asOf;
    }

    /** Whether the forecast ends above the plan's media cost (the spend will overrun if nothing changes). */
    public boolean forecastOverPlan() {
        return forecastTotal != null && plannedTotal.signum() > 0 && forecastTotal.compareTo(plannedTotal) > 0;
    }

    /**
     * The forecast as a cumulative line: from the actual total on the last measured day to the forecast total
     * on the last day of the flight (a straight line, the pace being constant). Empty without a forecast or
     * once the flight is over.
     */
    public TreeMap<LocalDate, BigDecimal> forecastCumulative() {
        TreeMap<LocalDate, BigDecimal> line = new TreeMap<>();
        LocalDate cut = cut();
        if (forecastTotal != null && cut.isBefore(end) && !cut.isBefore(start)) {
            line.put(cut, actualToDate);
            line.put(end, forecastTotal);
        }
        return line;
    }

    /**
     * The part of a total spread evenly over a flight that falls on or before {@code cut}: a line's cost, or its
     * planned impressions, to date. Zero before the flight, the whole total after it.
     */
    public static BigDecimal toDate(BigDecimal total, LocalDate from, LocalDate to, LocalDate cut) {
        if (total == null || from == null || to == null || to.isBefore(from) || cut.isBefore(from)) {
            return BigDecimal.ZERO;
        }
        if (!cut.isBefore(to)) {
            return total;
        }
        long all = ChronoUnit.DAYS.between(from, to) + 1;
        long elapsed = ChronoUnit.DAYS.between(from, cut) + 1;
        return total.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(all), 6, RoundingMode.HALF_UP);
    }

    /** Actual ÷ planned in % (two decimals), null when nothing was planned. */
    public static BigDecimal pacing(BigDecimal actual, BigDecimal planned) {
        if (planned == null || planned.signum() == 0 || actual == null) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
    }

    /** Running totals of a daily series (for the cumulative chart). */
    public static TreeMap<LocalDate, BigDecimal> cumulative(Map<LocalDate, BigDecimal> daily) {
        TreeMap<LocalDate, BigDecimal> running = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> e : new TreeMap<>(daily).entrySet()) {
            total = total.add(e.getValue());
            running.put(e.getKey(), total);
        }
        return running;
    }

    private static BigDecimal sum(Map<LocalDate, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
