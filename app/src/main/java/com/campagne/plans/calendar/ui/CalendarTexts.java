package com.campagne.plans.calendar.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** Labels, colours and addresses shared by the two calendars (the channel labels by the task list too). */
public final class CalendarTexts {

    private CalendarTexts() {
    }

    static String campaignCalendarPath(UUID clientId, UUID campaignId) {
        return "clients/" + clientId + "/campaigns/" + campaignId + "/calendar";
    }

    static String editorPath(UUID clientId, UUID campaignId) {
        return "clients/" + clientId + "/campaigns/" + campaignId;
    }

    public static String channelKey(Channel channel) {
        return channel.labelKey();
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

    /** One distinct, white-text-readable colour per channel. */
    static String channelColour(Channel channel) {
        return switch (channel) {
            case DISPLAY -> "#2563eb";
            case SEARCH -> "#0f766e";
            case SOCIAL -> "#9333ea";
            case EMAILING -> "#c2410c";
            case AFFILIATION -> "#4d7c0f";
            case PARTNERSHIP -> "#be185d";
            case SEO_CONTENT -> "#0369a1";
            case TV -> "#b91c1c";
            case RADIO -> "#a16207";
            case PRESS -> "#374151";
            case OUTDOOR -> "#15803d";
            case CINEMA -> "#6d28d9";
            case EVENT -> "#db2777";
        };
    }

    /** The campaign badge's colours, darker, so that white text reads on them. */
    static String statusColour(CampaignStatus status) {
        return switch (status) {
            case DRAFT -> "#6b7280";
            case PROPOSED -> "#b45309";
            case APPROVED -> "#15803d";
            case LIVE -> "#1d4ed8";
            case ENDED -> "#374151";
        };
    }

    static String date(LocalDate date, Locale locale) {
        return Formats.date(date, locale);
    }

    /** A legend entry: a coloured square and its label. */
    static Span legendItem(String colour, String label) {
        Div swatch = new Div();
        swatch.getStyle().set("width", "0.85rem").set("height", "0.85rem").set("border-radius", "3px")
                .set("background", colour).set("flex", "none");
        Span item = new Span(swatch, new Span(label));
        item.addClassName("legend-item");
        item.getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "0.35rem")
                .set("margin-right", "1rem").set("white-space", "nowrap");
        return item;
    }
}
