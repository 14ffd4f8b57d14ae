package com.campagne.support.pages;

import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/objectives}: a client's balanced scorecard and the objective dialog. */
public class ScorecardPage extends DialogForm {

    public ScorecardPage(Page page) {
        super(page);
    }

    public static ScorecardPage current(Page page) {
        page.waitForURL("**/objectives");
        ScorecardPage scorecard = new ScorecardPage(page);
        scorecard.waitForVaadin();
        return scorecard;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public boolean isEmpty() {
        return byId("objectives-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("objectives-empty").innerText().trim();
    }

    /** Opens the dialog of a new objective. */
    public ScorecardPage add() {
        click("objectives-add");
        byId("objective-title").waitFor();
        return this;
    }

    public ScorecardPage title(String value) {
        type("objective-title", value);
        return this;
    }

    public ScorecardPage perspective(String label) {
        select("objective-perspective", label);
        return this;
    }

    public ScorecardPage metric(String label) {
        combo("objective-metric", label);
        return this;
    }

    public ScorecardPage target(String value) {
        type("objective-target", value);
        return this;
    }

    public ScorecardPage baseline(String value) {
        type("objective-baseline", value);
        return this;
    }

    public ScorecardPage deadline(String date) {
        date("objective-deadline", date);
        return this;
    }

    public ScorecardPage campaign(String name) {
        combo("objective-campaign", name);
        return this;
    }

    public ScorecardPage save() {
        click("objective-save");
        return this;
    }

    /** The section titles of the scorecard, in order. */
    public List<String> perspectives() {
        return page.locator(".scorecard-perspective h3").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The cards of one perspective ({@code FINANCIAL}, {@code CUSTOMER}…), each as its text. */
    public List<String> cards(String perspective) {
        return byId("perspective-" + perspective).locator(".objective-card").allInnerTexts().stream()
                .map(String::trim).toList();
    }

    public String section(String perspective) {
        return byId("perspective-" + perspective).innerText().trim();
    }

    public ScorecardPage filterCampaign(String name) {
        combo("objectives-campaign-filter", name);
        return this;
    }

    /** The status badge of the objective titled {@code title} (e.g. "En bonne voie"). */
    public String status(String title) {
        return page.locator(".objective-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(title)).locator(".objective-status").innerText().trim();
    }
}
