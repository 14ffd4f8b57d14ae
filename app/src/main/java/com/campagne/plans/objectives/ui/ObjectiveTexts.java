package com.campagne.plans.objectives.ui;

import com.campagne.analytics.Kpi;
import com.campagne.base.ui.Formats;
import com.campagne.plans.objectives.Perspective;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;

/** Labels of the scorecard and KPI values written by unit and locale (12 500 €, 2,5 %, 4). */
final class ObjectiveTexts {

    private ObjectiveTexts() {
    }

    // Keys written out in full so the bundle check sees each of them.
    static String perspectiveKey(Perspective perspective) {
        return switch (perspective) {
            case FINANCIAL -> "objectives.perspective.FINANCIAL";
            case CUSTOMER -> "objectives.perspective.CUSTOMER";
            case INTERNAL_PROCESS -> "objectives.perspective.INTERNAL_PROCESS";
            case LEARNING_GROWTH -> "objectives.perspective.LEARNING_GROWTH";
        };
    }

    static String perspectiveHelpKey(Perspective perspective) {
        return switch (perspective) {
            case FINANCIAL -> "objectives.perspective.help.FINANCIAL";
            case CUSTOMER -> "objectives.perspective.help.CUSTOMER";
            case INTERNAL_PROCESS -> "objectives.perspective.help.INTERNAL_PROCESS";
            case LEARNING_GROWTH -> "objectives.perspective.help.LEARNING_GROWTH";
        };
    }

    static String unitHelpKey(Kpi.Unit unit) {
        return switch (unit) {
            case COUNT -> "objectives.field.target.help.COUNT";
            case MONEY -> "objectives.field.target.help.MONEY";
            case PERCENT -> "objectives.field.target.help.PERCENT";
            case RATIO -> "objectives.field.target.help.RATIO";
        };
    }

    /** A value of the KPI as the reader writes it: money in the tenant's currency, percentages with %. */
    static String value(Kpi kpi, BigDecimal value, String currency, Locale locale) {
        return switch (kpi.unit()) {
            case MONEY -> Formats.money(value, currency, locale);
            case PERCENT -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(4);
                yield percent.format(value.movePointLeft(2));
            }
            case COUNT, RATIO -> Formats.number(value, locale);
        };
    }

    static String date(LocalDate date, Locale locale) {
        // A calendar day, not an instant: formatted at UTC midnight so no time zone can shift it.
        return Formats.date(date, locale);
    }
}
