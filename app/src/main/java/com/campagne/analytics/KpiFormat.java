package com.campagne.analytics;

import com.campagne.base.ui.Formats;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** A KPI's value written for the user's locale: "1 234,56 €", "3,25 %", "4,20", and "—" when unknown. */
public final class KpiFormat {

    /** What an unknown or incomputable value shows (a division by zero, a measure no row carries). */
    public static final String UNKNOWN = "—";

    private KpiFormat() {
    }

    public static String format(Kpi kpi, BigDecimal value, String currency, Locale locale) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (kpi.unit()) {
            case MONEY -> Formats.money(value, currency, locale);
            case PERCENT -> percent(value, locale);
            case RATIO -> decimals(value, 2, 2, locale);
            case COUNT -> decimals(value, 0, value.stripTrailingZeros().scale() > 0 ? 2 : 0, locale);
        };
    }

    /** A percentage given 0–100, with two decimals: 3,25 % (the locale's own sign and spacing). */
    public static String percent(BigDecimal value, Locale locale) {
        if (value == null) {
            return UNKNOWN;
        }
        NumberFormat format = NumberFormat.getPercentInstance(Formats.conventions(locale));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value.movePointLeft(2));
    }

    private static String decimals(BigDecimal value, int min, int max, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(Formats.conventions(locale));
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);
        return format.format(value);
    }
}
