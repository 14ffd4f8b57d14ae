package com.campagne.plans.money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the totals need of a line item: its channel and vendor (as the plan names them), its cost
 * (normally {@link LineCost#cost()}) and its flight dates, both inclusive. The cost is kept rounded to minor
 * units, so the plan's totals add up the very amounts shown on each line.
 */
public record PlanLine(String channel, String vendor, Money cost, LocalDate start, LocalDate end) {

    public PlanLine {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A flight cannot end (" + end + ") before it starts (" + start + ")");
        }
        cost = cost.rounded();
        if (cost.isNegative()) {
            throw new IllegalArgumentException("A line cannot cost a negative amount: " + cost);
        }
    }
}
