package com.campagne.plans.documents;

import org.apache.poi.ss.util.CellReference;

/**
 * The columns of a plan's line table in the XLSX export, the template and the import, in sheet order.
 * {@link #field} is also the field name {@code MediaPlanService.problems} reports, so a validation error
 * lands on the right column. Headers: {@code documents.col.<field>}, read in French or English.
 */
enum PlanColumn {
    POSITION("position", false),
    CHANNEL("channel", true),
    VENDOR("vendor", true),
    PLACEMENT("placement", true),
    FORMAT("format", true),
    BUYING_MODEL("buyingModel", true),
    RATE_CARD_PRICE("rateCardPrice", true),
    DISCOUNTS("discounts", true),
    NET_PRICE("netPrice", false),
    VOLUME("volume", true),
    COST("cost", false),
    PLANNED_IMPRESSIONS("plannedImpressions", true),
    PLANNED_CLICKS("plannedClicks", true),
    PLANNED_CONVERSIONS("plannedConversions", true),
    START_DATE("startDate", true),
    END_DATE("endDate", true),
    TARGETING("targeting", true),
    SYNCED_CAMPAIGN("syncedCampaign", true),
    SYNCED_CONNECTION("syncedConnection", true),
    SYNCED_ACCOUNT("syncedAccount", true);

    final String field;
    /** Read by the import; the others (position, formulas) are computed. */
    final boolean input;

    PlanColumn(String field, boolean input) {
        this.field = field;
        this.input = input;
    }

    String key() {
        return "documents.col." + field;
    }

    /** "G" for the rate-card price: the column's letter in formulas. */
    String letter() {
        return CellReference.convertNumToColString(ordinal());
    }

    static PlanColumn ofField(String field) {
        for (PlanColumn c : values()) {
            if (c.field.equals(field)) {
                return c;
            }
        }
        return null;
    }
}
