package com.campagne.plans.ui;

import com.campagne.plans.Channel;
import com.campagne.plans.money.PlanTotals;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * {@code #plan-totals}: where the media money goes, by channel (with each channel's share), by vendor and
 * by month, then the agency fee and the grand total.
 */
class PlanTotalsPanel extends VerticalLayout {

    PlanTotalsPanel() {
        setId("plan-totals");
        setPadding(false);
        setSpacing(false);
    }

    void show(PlanTotals totals, Locale locale) {
        removeAll();
        add(new H3(getTranslation("plans.totals.title")));
        FlexLayout sections = new FlexLayout();
        sections.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sections.getStyle().set("gap", "var(--lumo-space-m, 1rem)");
        sections.setWidthFull();

        Div byChannel = section("plan-totals-channel", "plans.totals.byChannel");
        Map<String, BigDecimal> shares = totals.channelShares();
        totals.byChannel().forEach((channel, amount) -> byChannel.add(row(
                getTranslation(PlanTexts.channelKey(Channel.valueOf(channel))),
                PlanTexts.money(amount, locale) + "\u2003" + getTranslation("plans.totals.share",
                        PlanTexts.number(shares.get(channel), locale)))));
        Div byVendor = section("plan-totals-vendor", "plans.totals.byVendor");
        totals.byVendor().forEach((vendor, amount) -> byVendor.add(row(
                vendor.isEmpty() ? getTranslation("plans.totals.noVendor") : vendor, PlanTexts.money(amount, locale))));
        Div byMonth = section("plan-totals-month", "plans.totals.byMonth");
        totals.byMonth().forEach((month, amount) -> byMonth.add(row(monthName(month, locale), PlanTexts.money(amount, locale))));
        Div sum = section("plan-totals-sum", "plans.totals.sum");
        sum.add(row(getTranslation("plans.summary.media"), PlanTexts.money(totals.mediaCost(), locale)));
        sum.add(row(getTranslation("plans.summary.fee"), PlanTexts.money(totals.agencyFee(), locale)));
        Div grand = row(getTranslation("plans.summary.total"), PlanTexts.money(totals.grandTotal(), locale));
        grand.getStyle().set("font-weight", "700").set("border-top", "1px solid var(--lumo-contrast-20pct, #ccc)");
        sum.add(grand);
        sections.add(byChannel, byVendor, byMonth, sum);
        add(sections);
    }

    private static String monthName(YearMonth month, Locale locale) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.format(DateTimeFormatter.ofPattern("yyyy"));
    }

    private Div section(String id, String titleKey) {
        Div section = new Div();
        section.setId(id);
        section.getStyle().set("flex", "1 1 16rem").set("min-width", "16rem").set("padding", "0.5rem 1rem")
                .set("border", "1px solid var(--lumo-contrast-10pct, #e5e5e5)").set("border-radius", "8px");
        H4 title = new H4(getTranslation(titleKey));
        title.getStyle().set("margin", "0.25rem 0 0.5rem");
        section.add(title);
        return section;
    }

    private static Div row(String label, String amount) {
        Span name = new Span(label);
        Span value = new Span(amount);
        value.getStyle().set("white-space", "nowrap").set("font-variant-numeric", "tabular-nums");
        Div row = new Div(name, value);
        row.addClassName("plan-total-row");
        row.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "1rem")
                .set("padding", "0.15rem 0");
        return row;
    }
}
