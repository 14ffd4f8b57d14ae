package com.campagne.plans.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignStatus;
import com.vaadin.flow.component.html.Span;

import java.time.LocalDate;
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
        return date == null ? "" : Formats.date(date, locale);
    }

    static String budget(Campaign c, Locale locale) {
        return c.getBudget() == null ? "" : Formats.money(c.getBudget(), c.getCurrency().trim(), locale);
    }

    // Keys written out in full so the bundle check sees each of them.
    static String objectiveKey(CampaignObjective objective) {
        return switch (objective) {
            case AWARENESS -> "campaigns.objective.AWARENESS";
            case TRAFFIC -> "campaigns.objective.TRAFFIC";
            case LEADS -> "campaigns.objective.LEADS";
            case SALES -> "campaigns.objective.SALES";
            case RETENTION -> "campaigns.objective.RETENTION";
        };
    }

    static String statusKey(CampaignStatus status) {
        return switch (status) {
            case DRAFT -> "campaigns.status.DRAFT";
            case PROPOSED -> "campaigns.status.PROPOSED";
            case APPROVED -> "campaigns.status.APPROVED";
            case LIVE -> "campaigns.status.LIVE";
            case ENDED -> "campaigns.status.ENDED";
        };
    }

    /** What the status means for the reader: staff see their next step, a client viewer theirs. */
    static String helpKey(CampaignStatus status, boolean staff) {
        return switch (status) {
            case DRAFT -> staff ? "campaigns.status.help.DRAFT" : "campaigns.status.help.DRAFT.viewer";
            case PROPOSED -> staff ? "campaigns.status.help.PROPOSED" : "campaigns.status.help.PROPOSED.viewer";
            case APPROVED -> staff ? "campaigns.status.help.APPROVED" : "campaigns.status.help.APPROVED.viewer";
            case LIVE -> staff ? "campaigns.status.help.LIVE" : "campaigns.status.help.LIVE.viewer";
            case ENDED -> staff ? "campaigns.status.help.ENDED" : "campaigns.status.help.ENDED.viewer";
        };
    }

    static String movedKey(CampaignStatus status) {
        return switch (status) {
            case DRAFT -> "campaigns.moved.DRAFT";
            case PROPOSED -> "campaigns.moved.PROPOSED";
            case APPROVED -> "campaigns.moved.APPROVED";
            case LIVE -> "campaigns.moved.LIVE";
            case ENDED -> "campaigns.moved.ENDED";
        };
    }

    static Span badge(CampaignStatus status, BiFunction<String, Object[], String> translate) {
        String label = translate.apply(statusKey(status), new Object[0]);
        Span badge = new Span(label);
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
