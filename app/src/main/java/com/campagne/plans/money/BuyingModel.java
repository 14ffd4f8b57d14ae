package com.campagne.plans.money;

import java.math.BigDecimal;

/**
 * How a placement is bought, which says what the planned volume counts and how many units one price covers.
 * CPM is priced per thousand impressions, hence the 1000; GRP (TV, radio) per gross rating point;
 * a flat fee is paid once whatever the volume.
 */
public enum BuyingModel {
    /** Cost per mille: the price buys 1000 impressions. */
    CPM(Volume.IMPRESSIONS, BigDecimal.valueOf(1000)),
    /** Cost per click. */
    CPC(Volume.CLICKS, BigDecimal.ONE),
    /** Cost per action (lead, sale…): the planned volume is conversions. */
    CPA(Volume.ACTIONS, BigDecimal.ONE),
    /** Cost per (video) view. */
    CPV(Volume.VIEWS, BigDecimal.ONE),
    /** One price for the placement (sponsorship, press page, event): the volume does not enter the cost. */
    FLAT_FEE(Volume.NONE, BigDecimal.ONE),
    /** Cost per gross rating point (TV, radio): volume is GRP points, reach × frequency in % of the target. */
    GRP(Volume.GRP_POINTS, BigDecimal.ONE);

    /** What the planned volume of a line counts under this model. */
    public enum Volume { IMPRESSIONS, CLICKS, ACTIONS, VIEWS, GRP_POINTS, NONE }

    private final Volume volume;
    private final BigDecimal unitsPerPrice;

    BuyingModel(Volume volume, BigDecimal unitsPerPrice) {
        this.volume = volume;
        this.unitsPerPrice = unitsPerPrice;
    }

    public Volume volume() {
        return volume;
    }

    /** How many units of volume one unit price buys (1000 for CPM, 1 otherwise). */
    public BigDecimal unitsPerPrice() {
        return unitsPerPrice;
    }

    public boolean usesVolume() {
        return volume != Volume.NONE;
    }
}
