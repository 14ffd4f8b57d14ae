package com.campagne.plans.money;

import java.math.BigDecimal;

/**
 * The figures a line commits to by its buying model; {@code null} means the line implies nothing about it
 * (a CPC line promises clicks, not impressions), never zero, like the measured data it will be compared to.
 */
public record PlannedKpis(BigDecimal impressions, BigDecimal clicks, BigDecimal conversions, BigDecimal views,
                          BigDecimal grossRatingPoints) {

    public static final PlannedKpis NONE = new PlannedKpis(null, null, null, null, null);
}
