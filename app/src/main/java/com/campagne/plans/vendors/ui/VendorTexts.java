package com.campagne.plans.vendors.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.Channel;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.vendors.VendorKind;
import com.campagne.plans.vendors.VendorRate;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.function.BiFunction;

/** Shared bits of the vendor screens: paths, enum labels, prices and validity as the user reads them. */
final class VendorTexts {

    private VendorTexts() {
    }

    static String listPath() {
        return "vendors";
    }

    static String editorPath(Object vendorId) {
        return "vendors/" + vendorId;
    }

    // Keys written out in full so the bundle check sees each of them.
    static String kindKey(VendorKind kind) {
        return switch (kind) {
            case REGIE -> "vendors.kind.REGIE";
            case SUPPORT -> "vendors.kind.SUPPORT";
            case NETWORK -> "vendors.kind.NETWORK";
            case OTHER -> "vendors.kind.OTHER";
        };
    }

    static String channelKey(Channel channel) {
        return channel.labelKey();
    }

    static String buyingModelKey(BuyingModel model) {
        return switch (model) {
            case CPM -> "plans.buyingModel.CPM";
            case CPC -> "plans.buyingModel.CPC";
            case CPA -> "plans.buyingModel.CPA";
            case CPV -> "plans.buyingModel.CPV";
            case FLAT_FEE -> "plans.buyingModel.FLAT_FEE";
            case GRP -> "plans.buyingModel.GRP";
        };
    }

    /**
     * A rate-card price as money: the currency's usual decimals, more when the rate has them (a CPC of
     * 0,0350 € must not read 0,04 €).
     */
    static String price(BigDecimal price, String currency, Locale locale) {
        Currency unit = Currency.getInstance(currency.trim());
        int decimals = Math.max(unit.getDefaultFractionDigits(), Math.max(0, price.stripTrailingZeros().scale()));
        if (decimals == unit.getDefaultFractionDigits()) {
            return Formats.money(price, unit.getCurrencyCode(), locale);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(price);
    }

    static String date(LocalDate date, Locale locale) {
        // A calendar day, not an instant: formatted at UTC midnight so no time zone can shift it.
        return Formats.date(date, locale);
    }

    static String validity(VendorRate rate, Locale locale, BiFunction<String, Object[], String> translate) {
        LocalDate from = rate.getValidFrom();
        LocalDate to = rate.getValidTo();
        if (from != null && to != null) {
            return translate.apply("vendors.rate.validity.range", new Object[]{date(from, locale), date(to, locale)});
        } else if (from != null) {
            return translate.apply("vendors.rate.validity.from", new Object[]{date(from, locale)});
        } else if (to != null) {
            return translate.apply("vendors.rate.validity.to", new Object[]{date(to, locale)});
        }
        return translate.apply("vendors.rate.validity.always", new Object[0]);
    }
}
