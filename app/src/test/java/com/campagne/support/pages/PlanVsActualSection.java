package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** The plan-versus-actual panel ({@code #plan-vs-actual}) wherever a view shows it. */
public class PlanVsActualSection extends VaadinPage {

    public PlanVsActualSection(Page page) {
        super(page);
    }

    /** Waits for the panel of the page. */
    public static PlanVsActualSection of(Page page) {
        PlanVsActualSection section = new PlanVsActualSection(page);
        section.byId("plan-vs-actual").waitFor();
        section.waitForVaadin();
        return section;
    }

    public Locator panel() {
        return byId("plan-vs-actual");
    }

    public String text() {
        return panel().innerText().trim();
    }

    /** A summary card's value, e.g. {@code card("actual")} for "Dépensé à date". */
    public String card(String name) {
        return byId("pva-card-" + name).locator(".pva-card-value").innerText().trim();
    }

    public String cardHint(String name) {
        return byId("pva-card-" + name).locator(".pva-card-hint").innerText().trim();
    }

    public String cardTone(String name) {
        return byId("pva-card-" + name).getAttribute("data-tone");
    }

    public boolean hasChart() {
        return byId("pva-chart").locator("svg").count() > 0;
    }

    public String chartSvg() {
        return byId("pva-chart").innerHTML();
    }

    /** The rows of the per-line table, each as its cells' texts joined by " | ". */
    public List<String> lineRows() {
        return GridRows.of(page, "pva-line-grid");
    }

    public List<String> kpiRows() {
        return GridRows.of(page, "pva-kpi-grid");
    }

    public boolean isEmpty() {
        return byId("pva-empty").isVisible();
    }

    public String unlinkedWarning() {
        return byId("pva-unlinked").innerText().trim();
    }
}
