package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.dashboard.DashboardService.Comparison;

/** The message keys of the dashboards' values, spelt out so the bundle check sees every one. */
final class DashboardTexts {

    private DashboardTexts() {
    }

    static String preset(DashboardView.Preset p) {
        return switch (p.name()) {
            case "LAST_7" -> "dashboard.preset.LAST_7";
            case "LAST_30" -> "dashboard.preset.LAST_30";
            case "LAST_90" -> "dashboard.preset.LAST_90";
            case "THIS_MONTH" -> "dashboard.preset.THIS_MONTH";
            case "LAST_MONTH" -> "dashboard.preset.LAST_MONTH";
            case "THIS_YEAR" -> "dashboard.preset.THIS_YEAR";
            case "CAMPAIGN" -> "dashboard.preset.CAMPAIGN";
            case "CUSTOM" -> "dashboard.preset.CUSTOM";
            default -> throw new IllegalArgumentException(p.name());
        };
    }
    static String comparison(Comparison c) {
        return switch (c.name()) {
            case "NONE" -> "dashboard.comparison.NONE";
            case "PREVIOUS_PERIOD" -> "dashboard.comparison.PREVIOUS_PERIOD";
            case "PREVIOUS_YEAR" -> "dashboard.comparison.PREVIOUS_YEAR";
            default -> throw new IllegalArgumentException(c.name());
        };
    }
    static String channel(String key) {
        return switch (key) {
            case "SEARCH" -> "dashboard.channel.SEARCH";
            case "DISPLAY" -> "dashboard.channel.DISPLAY";
            case "SOCIAL" -> "dashboard.channel.SOCIAL";
            case "VIDEO" -> "dashboard.channel.VIDEO";
            case "SHOPPING" -> "dashboard.channel.SHOPPING";
            case "EMAIL" -> "dashboard.channel.EMAIL";
            case "AFFILIATE" -> "dashboard.channel.AFFILIATE";
            case "ORGANIC_SEARCH" -> "dashboard.channel.ORGANIC_SEARCH";
            case "ORGANIC_SOCIAL" -> "dashboard.channel.ORGANIC_SOCIAL";
            case "REFERRAL" -> "dashboard.channel.REFERRAL";
            case "DIRECT" -> "dashboard.channel.DIRECT";
            case "OTHER" -> "dashboard.channel.OTHER";
            default -> null;
        };
    }
    static String device(String key) {
        return switch (key) {
            case "DESKTOP" -> "dashboard.device.DESKTOP";
            case "MOBILE" -> "dashboard.device.MOBILE";
            case "TABLET" -> "dashboard.device.TABLET";
            case "OTHER" -> "dashboard.device.OTHER";
            default -> null;
        };
    }
    static String table(Dimension d) {
        return switch (d.name()) {
            case "CLIENT" -> "dashboard.table.CLIENT";
            case "CONNECTION" -> "dashboard.table.CONNECTION";
            case "CAMPAIGN" -> "dashboard.table.CAMPAIGN";
            case "CHANNEL" -> "dashboard.table.CHANNEL";
            case "DEVICE" -> "dashboard.table.DEVICE";
            case "COUNTRY" -> "dashboard.table.COUNTRY";
            default -> throw new IllegalArgumentException(d.name());
        };
    }
    static String section(Dimension d) {
        return switch (d.name()) {
            case "CLIENT" -> "dashboard.section.CLIENT";
            case "CONNECTION" -> "dashboard.section.CONNECTION";
            case "CAMPAIGN" -> "dashboard.section.CAMPAIGN";
            case "CHANNEL" -> "dashboard.section.CHANNEL";
            case "DEVICE" -> "dashboard.section.DEVICE";
            case "COUNTRY" -> "dashboard.section.COUNTRY";
            default -> throw new IllegalArgumentException(d.name());
        };
    }
    static String column(Kpi k) {
        return switch (k.name()) {
            case "COST" -> "dashboard.column.COST";
            case "IMPRESSIONS" -> "dashboard.column.IMPRESSIONS";
            case "CLICKS" -> "dashboard.column.CLICKS";
            case "CTR" -> "dashboard.column.CTR";
            case "CONVERSIONS" -> "dashboard.column.CONVERSIONS";
            case "CPA" -> "dashboard.column.CPA";
            case "CONVERSION_VALUE" -> "dashboard.column.CONVERSION_VALUE";
            case "ROAS" -> "dashboard.column.ROAS";
            case "SESSIONS" -> "dashboard.column.SESSIONS";
            default -> k.labelKey();
        };
    }
}
