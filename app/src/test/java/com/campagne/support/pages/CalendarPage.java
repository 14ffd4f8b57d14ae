package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import java.util.List;

/**
 * The two calendars: a campaign's Gantt ({@code clients/<id>/campaigns/<id>/calendar}) and the action
 * calendar of every campaign ({@code calendar}).
 */
public class CalendarPage extends Shell {

    public CalendarPage(Page page) {
        super(page);
    }

    public static CalendarPage openCampaign(Page page, Object clientId, Object campaignId) {
        CalendarPage calendar = new CalendarPage(page);
        calendar.open("clients/" + clientId + "/campaigns/" + campaignId + "/calendar");
        return calendar;
    }

    public static CalendarPage openTenant(Page page) {
        CalendarPage calendar = new CalendarPage(page);
        calendar.open("calendar");
        return calendar;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    /** The bars of the Gantt, in page order. */
    public Locator bars() {
        return page.locator("#calendar-gantt .timeline-bar");
    }

    /** The channel groups as shown ("Social (SMA)"…), in order. */
    public List<String> groups() {
        return page.locator("#calendar-gantt .timeline-group").allInnerTexts().stream().map(String::trim).toList();
    }

    public List<String> legend() {
        return page.locator("#calendar-legend .legend-item").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The week or month headings ("S12 · 17 mars"). */
    public List<String> periods() {
        return page.locator(".timeline-period").allInnerTexts().stream().map(String::trim).toList();
    }

    /** Where the heading of a period is drawn, to check that a bar falls under it. */
    public BoundingBox period(String label) {
        return page.locator(".timeline-period").filter(new Locator.FilterOptions().setHasText(label)).first()
                .boundingBox();
    }

    /** Clicks a line's bar and types its new flight in the dialog, the way a French user writes dates. */
    public CalendarPage moveLine(Object lineId, java.time.LocalDate start, java.time.LocalDate end) {
        click("gantt-bar-" + lineId);
        byId("line-dates-start").waitFor();
        var format = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (var field : java.util.Map.of("line-dates-start", start, "line-dates-end", end).entrySet()) {
            Locator input = page.locator("#" + field.getKey() + " > input");
            input.fill(field.getValue().format(format));
            input.press("Enter");
            input.blur();
            waitForVaadin();
        }
        click("line-dates-save");
        byId("line-dates-start").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        waitForVaadin();
        return this;
    }

    public boolean hasTodayMarker() {
        return byId("timeline-today").count() == 1;
    }

    public Locator campaign(Object campaignId) {
        return byId("calendar-campaign-" + campaignId);
    }

    public CalendarPage expand(Object campaignId) {
        click("calendar-expand-" + campaignId);
        return this;
    }

    public Locator flights() {
        return page.locator("#calendar-timeline .calendar-flight");
    }

    public Locator taskMarkers() {
        return page.locator("#calendar-timeline .calendar-task");
    }

    public CalendarPage range(String label) {
        select("calendar-range", label);
        return this;
    }

    public CalendarPage next() {
        click("calendar-next");
        return this;
    }

    public CalendarPage previous() {
        click("calendar-prev");
        return this;
    }

    public String rangeLabel() {
        return byId("calendar-range-label").innerText().trim();
    }

    public CalendarPage status(String label) {
        select("calendar-status", label);
        return this;
    }

    public boolean isEmpty() {
        return byId("calendar-empty").isVisible();
    }

    public String emptyText() {
        return byId("calendar-empty").innerText();
    }
}
