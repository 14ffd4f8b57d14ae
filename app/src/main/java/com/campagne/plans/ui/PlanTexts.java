package com.campagne.plans.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlanService.Change;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.money.Money;
import com.vaadin.flow.component.html.Span;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Shared bits of the media plan screens: labels of the plan enums, the version badge, numbers typed the
 * user's way ("1 234,56" in French) and the path of the editor.
 */
final class PlanTexts {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PlanTexts() {
    }

    static String planPath(UUID clientId, UUID campaignId) {
        return CampaignTexts.editorPath(clientId, campaignId) + "/plan";
    }

    static String channelKey(Channel channel) {
        return channel.labelKey();
    }

    static String statusKey(PlanStatus status) {
        return switch (status) {
            case DRAFT -> "plans.status.DRAFT";
            case PROPOSED -> "plans.status.PROPOSED";
            case APPROVED -> "plans.status.APPROVED";
            case REJECTED -> "plans.status.REJECTED";
            case SUPERSEDED -> "plans.status.SUPERSEDED";
        };
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

    /** The short name of a model for the grid ("CPM", "Forfait"). */
    static String buyingModelShortKey(BuyingModel model) {
        return switch (model) {
            case CPM -> "plans.buyingModel.short.CPM";
            case CPC -> "plans.buyingModel.short.CPC";
            case CPA -> "plans.buyingModel.short.CPA";
            case CPV -> "plans.buyingModel.short.CPV";
            case FLAT_FEE -> "plans.buyingModel.short.FLAT_FEE";
            case GRP -> "plans.buyingModel.short.GRP";
        };
    }

    /** What the volume counts under a model: the label of the volume field. */
    static String volumeKey(BuyingModel model) {
        return switch (model.volume()) {
            case IMPRESSIONS -> "plans.volume.IMPRESSIONS";
            case CLICKS -> "plans.volume.CLICKS";
            case ACTIONS -> "plans.volume.ACTIONS";
            case VIEWS -> "plans.volume.VIEWS";
            case GRP_POINTS -> "plans.volume.GRP_POINTS";
            case NONE -> "plans.volume.NONE";
        };
    }

    static String feeKindKey(FeeKind kind) {
        return switch (kind) {
            case NONE -> "plans.feeKind.NONE";
            case PERCENT -> "plans.feeKind.PERCENT";
            case FLAT -> "plans.feeKind.FLAT";
        };
    }

    static String changeKey(Change change) {
        return switch (change) {
            case SAME -> "plans.change.SAME";
            case CHANGED -> "plans.change.CHANGED";
            case ADDED -> "plans.change.ADDED";
            case REMOVED -> "plans.change.REMOVED";
        };
    }

    static Span statusBadge(PlanStatus status, BiFunction<String, Object[], String> translate) {
        Span badge = new Span(translate.apply(statusKey(status), new Object[0]));
        String[] colours = switch (status) {
            case DRAFT -> new String[]{"#4b5563", "#eef0f3"};
            case PROPOSED -> new String[]{"#8a4b00", "#fff1d6"};
            case APPROVED -> new String[]{"#0b5d2a", "#dcf5e4"};
            case REJECTED -> new String[]{"#9b1c1c", "#fde2e2"};
            case SUPERSEDED -> new String[]{"#374151", "#e5e7eb"};
        };
        return pill(badge, colours, status.name(), "plan-status");
    }

    static Span changeBadge(Change change, BiFunction<String, Object[], String> translate) {
        Span badge = new Span(translate.apply(changeKey(change), new Object[0]));
        String[] colours = switch (change) {
            case SAME -> new String[]{"#4b5563", "#eef0f3"};
            case CHANGED -> new String[]{"#8a4b00", "#fff1d6"};
            case ADDED -> new String[]{"#0b5d2a", "#dcf5e4"};
            case REMOVED -> new String[]{"#9b1c1c", "#fde2e2"};
        };
        return pill(badge, colours, change.name(), "plan-change");
    }

    private static Span pill(Span badge, String[] colours, String value, String className) {
        badge.getStyle().set("color", colours[0]).set("background", colours[1]).set("border-radius", "999px")
                .set("padding", "0.15em 0.7em").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("font-weight", "600").set("white-space", "nowrap");
        badge.getElement().setAttribute("data-status", value);
        badge.addClassName(className);
        return badge;
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "" : Formats.money(amount, currency.trim(), locale);
    }

    static String money(Money money, Locale locale) {
        return Formats.money(money.rounded().amount(), money.currency().getCurrencyCode(), locale);
    }

    static String number(BigDecimal value, Locale locale) {
        return value == null ? "" : Formats.number(value.stripTrailingZeros(), locale);
    }

    /** A price with up to 4 decimals, at least 2 ("0,0125 €", "12,00 €"): a CPC or CPM price may have them. */
    static String unitPrice(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        Locale conventions = Formats.conventions(locale);
        NumberFormat format = NumberFormat.getCurrencyInstance(conventions);
        format.setCurrency(Currency.getInstance(currency.trim()));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(4);
        return format.format(amount);
    }

    /** "-20 % puis -10 %" in French. */
    static String discounts(List<BigDecimal> discounts, Locale locale, BiFunction<String, Object[], String> translate) {
        List<String> parts = new ArrayList<>();
        for (BigDecimal d : discounts) {
            parts.add(translate.apply("plans.discount.one", new Object[]{number(d, locale)}));
        }
        return String.join(translate.apply("plans.discount.then", new Object[0]), parts);
    }

    /**
     * A number as the user typed it in their language: spaces (also no-break) group thousands; the
     * locale's decimal separator, or a dot, marks decimals. Null for a blank field.
     *
     * @throws NumberFormatException when it is not a number
     */
    static BigDecimal parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        if (decimal == ',') {
            s = s.replace(',', '.');
        } else {
            s = s.replace(",", "");
        }
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(s);
    }

    /** "20 ; 10" or "20 puis 10" → [20, 10]; also "20 %". */
    static List<BigDecimal> parseDiscounts(String text, Locale locale) {
        List<BigDecimal> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split("[;+/]")) {
            String cleaned = part.replace("%", "").replace("-", "").strip();
            if (!cleaned.isEmpty()) {
                result.add(parse(cleaned, locale));
            }
        }
        return result;
    }

    /** Discounts written back for the field: "20 ; 10". */
    static String discountsField(List<BigDecimal> discounts, Locale locale) {
        return String.join(" ; ", discounts.stream().map(d -> number(d, locale)).toList());
    }
}
