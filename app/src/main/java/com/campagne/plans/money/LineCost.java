package com.campagne.plans.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of one line item: rate-card unit price, cascading discounts → net unit price, times the planned
 * volume in the buying model's units (per thousand for CPM). Everything stays exact until {@link #cost()},
 * which rounds once: rounding the net CPM first (7.20 € vs 7.2 € is harmless, but 7.3125 € → 7.31 € over
 * 2 million impressions is 25 € off) would make the total depend on where one rounded.
 *
 * @param volume planned impressions, clicks, actions, views or GRP points; ignored (may be null) for a flat fee
 */
public record LineCost(BuyingModel model, Money rateCardPrice, Discounts discounts, BigDecimal volume) {

    public LineCost {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rateCardPrice, "rateCardPrice");
        discounts = discounts == null ? Discounts.none() : discounts;
        if (rateCardPrice.isNegative()) {
            throw new IllegalArgumentException("A rate-card price cannot be negative: " + rateCardPrice);
        }
        if (model.usesVolume()) {
            if (volume == null) {
                throw new IllegalArgumentException(model + " needs a planned volume (" + model.volume() + ")");
            }
            if (volume.signum() < 0) {
                throw new IllegalArgumentException("A planned volume cannot be negative: " + volume.toPlainString());
            }
        }
    }

    /** Rate-card price after the discounts, unrounded (e.g. 10 € CPM − 20 % − 10 % = 7.2 €). */
    public Money netUnitPrice() {
        return discounts.apply(rateCardPrice);
    }

    /** The line's cost before rounding: volume / units-per-price × net price, or the net price once for a flat fee. */
    public Money exactCost() {
        Money net = netUnitPrice();
        if (!model.usesVolume()) {
            return net;
        }
        // Multiply before dividing, and divide by a power of ten only, so the result stays exact.
        return net.times(volume).times(BigDecimal.ONE.divide(model.unitsPerPrice()));
    }

    /** The line total at the currency's minor units: the one rounding of the line. */
    public Money cost() {
        return exactCost().rounded();
    }

    /** What this line promises: impressions for CPM, clicks for CPC, conversions for CPA, views for CPV, GRP for GRP. */
    public PlannedKpis plannedKpis() {
        return switch (model.volume()) {
            case IMPRESSIONS -> new PlannedKpis(volume, null, null, null, null);
            case CLICKS -> new PlannedKpis(null, volume, null, null, null);
            case ACTIONS -> new PlannedKpis(null, null, volume, null, null);
            case VIEWS -> new PlannedKpis(null, null, null, volume, null);
            case GRP_POINTS -> new PlannedKpis(null, null, null, null, volume);
            case NONE -> PlannedKpis.NONE;
        };
    }
}
