package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** A dashboard (agency overview, client, campaign): its filter bar, KPI cards, charts, tables and drill-down. */
public class DashboardPage extends Shell {

    public DashboardPage(Page page) {
        super(page);
    }

    /** Opens a dashboard by its path (e.g. {@code clients/<id>/dashboard?range=90d}) and waits until it is drawn. */
    public static DashboardPage open(Page page, String path) {
        DashboardPage dashboard = new DashboardPage(page);
        dashboard.open(path);
        dashboard.waitUntilDrawn();
        return dashboard;
    }

    /** Waits until the figures of the current filter are on screen. */
    public DashboardPage waitUntilDrawn() {
        page.locator("#dashboard-content[data-ready]").waitFor();
        waitForVaadin();
        return this;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public DashboardPage preset(String label) {
        select("dashboard-preset", label);
        return waitUntilDrawn();
    }

    public DashboardPage comparison(String label) {
        select("dashboard-comparison", label);
        return waitUntilDrawn();
    }

    /** Ticks one value in a filter ("channel", "campaign", "device"…) by its label. */
    public DashboardPage filter(String name, String label) {
        Locator box = byId("dashboard-filter-" + name);
        box.locator("input").click();
        box.locator("input").fill(label);
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(label))
                .first().click();
        waitForVaadin();
        page.keyboard().press("Escape");
        return waitUntilDrawn();
    }

    /** The KPIs shown as cards, by name (COST, CLICKS…). */
    @SuppressWarnings("unchecked")
    public List<String> cards() {
        return (List<String>) page.locator(".kpi-card").evaluateAll("cards => cards.map(c => c.id.substring(5))");
    }

    public String cardValue(String kpi) {
        return byId("card-" + kpi).locator(".kpi-value").innerText().trim();
    }

    public String cardPrevious(String kpi) {
        return byId("card-" + kpi).locator(".kpi-previous").innerText().trim();
    }

    public String cardChange(String kpi) {
        return byId("card-" + kpi).locator(".kpi-change").innerText().trim();
    }

    /** Opens the rows behind a card and returns the dialog's count line. */
    public String drillCard(String kpi) {
        click("card-" + kpi);
        String count = byId("drill-count").innerText().trim();
        click("drill-close");
        return count;
    }

    public boolean hasChart(String id) {
        return byId(id).locator("svg").count() > 0;
    }

    public String currencyNote() {
        Locator note = byId("dashboard-currency-note");
        return note.count() == 0 ? "" : note.innerText().trim();
    }

    public boolean isEmpty() {
        return byId("dashboard-empty").isVisible();
    }
}
