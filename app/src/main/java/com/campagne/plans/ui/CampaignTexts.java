package com.campagne.plans.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignStatus;
import com.vaadin.flow.component.html.Span;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;

/** Shared bits of the campaign screens: paths, the status badge, dates and budget as the user reads them. */
final class CampaignTexts {

    private CampaignTexts() {
    }

    static String listPath(UUID clientId) {
        return "clients/" + clientId + "/campaigns";
    }

    static String editorPath(UUID clientId, Object campaignId) {
        return listPath(clientId) + "/" + campaignId;
    }

    static String date(LocalDate date, Locale locale) {
        // A calendar day, not an instant: formatted at UTC midnight so no time zone can shift it.
        return date == null ? "" : Formats.date(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC, locale);
    }

    static String budget(Campaign c, Locale locale) {
        return c.getBudget() == null ? "" : Formats.money(c.getBudget(), c.getCurrency().trim(), locale);
    }

    static Span badge(CampaignStatus status, BiFunction<String, Object[], String> translate) {
        Span badge = new Span(translate.apply("campaigns.status." + status.name(), new Object[0]));
        String[] colours = switch (status) {
            case DRAFT -> new String[]{"#4b5563", "#eef0f3"};
            case PROPOSED -> new String[]{"#8a4b00", "#fff1d6"};
            case APPROVED -> new String[]{"#0b5d2a", "#dcf5e4"};
            case LIVE -> new String[]{"#0b4a8b", "#dbeafe"};
            case ENDED -> new String[]{"#374151", "#e5e7eb"};
        };
        badge.getStyle().set("color", colours[0]).set("background", colours[1]).set("border-radius", "999px")
                .set("padding", "0.15em 0.7em").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("font-weight", "600").set("white-space", "nowrap");
        badge.getElement().setAttribute("data-status", status.name());
        badge.addClassName("campaign-status");
        return badge;
    }
}
