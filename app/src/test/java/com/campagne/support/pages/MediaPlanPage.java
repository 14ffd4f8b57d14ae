package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/campaigns/<id>/plan}: one version of a media plan, its lines, totals and workflow. */
public class MediaPlanPage extends Shell {

    public MediaPlanPage(Page page) {
        super(page);
    }

    /** Opens the plan of a campaign directly, e.g. {@code clients/<id>/campaigns/<id>/plan}. */
    public static MediaPlanPage open(Page page, String path) {
        MediaPlanPage plan = new MediaPlanPage(page);
        plan.open(path);
        return plan;
    }

    /** After a click that leads to the plan. */
    public static MediaPlanPage current(Page page) {
        page.waitForURL(java.util.regex.Pattern.compile(".*/plan(\\?.*)?$"));
        MediaPlanPage plan = new MediaPlanPage(page);
        plan.waitForVaadin();
        return plan;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public String subtitle() {
        return byId("plan-subtitle").innerText().trim();
    }

    public boolean isEmpty() {
        return byId("plan-empty").isVisible();
    }

    public String emptyText() {
        return byId("plan-empty").innerText().trim();
    }

    public String status() {
        return page.locator(".plan-status").first().innerText().trim();
    }

    /** The version picker's current text, e.g. "v2 — négociée · Brouillon". */
    public String version() {
        return page.locator("#plan-version vaadin-select-value-button").innerText().trim();
    }

    public String lockedBanner() {
        Locator banner = byId("plan-locked");
        return banner.isVisible() ? banner.innerText().trim() : "";
    }

    public boolean canAddLines() {
        return byId("plan-add-line").isVisible();
    }

    /** The amount of a summary card: budget, media, fee, total, remaining. */
    public String card(String name) {
        return page.locator("#plan-card-" + name + " .plan-card-value").innerText().trim();
    }

    public String overBudget() {
        Locator warning = byId("plan-over-budget");
        return warning.isVisible() ? warning.innerText().trim() : "";
    }

    public String totals() {
        return byId("plan-totals").innerText();
    }

    /** The texts of the grid cells shown (lines, then footer), in DOM order. */
    public List<String> cells() {
        return page.locator("#plan-lines vaadin-grid-cell-content").allInnerTexts();
    }

    /** Waits until the grid shows a cell with this text. */
    public void waitForCell(String text) {
        cell(text).waitFor();
    }

    private Locator cell(String text) {
        return page.locator("#plan-lines vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    // --- the line form

    public MediaPlanPage addLine() {
        Locator add = byId("plan-add-line");
        if (!add.isVisible()) {
            add = byId("plan-empty-add");
        }
        add.click();
        byId("line-save").waitFor();
        waitForVaadin();
        return this;
    }

    /** Opens the line showing {@code text} (e.g. its placement) for editing. */
    public MediaPlanPage editLine(String text) {
        // On a busy machine the grid may still be binding the rows of a version just shown: a click on a
        // cell that is not bound yet opens nothing, so it is given again (a user would click twice too).
        for (int attempt = 1; ; attempt++) {
            cell(text).click();
            try {
                byId("line-save").waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
                waitForVaadin();
            }
        }
        waitForVaadin();
        return this;
    }

    public MediaPlanPage channel(String label) {
        select("line-channel", label);
        return this;
    }

    public MediaPlanPage buyingModel(String label) {
        select("line-buying-model", label);
        return this;
    }

    public MediaPlanPage vendor(String name) {
        comboBox("line-vendor", name);
        return this;
    }

    public MediaPlanPage applyRate() {
        click("line-apply-rate");
        return this;
    }

    public MediaPlanPage format(String value) {
        comboBox("line-format", value);
        return this;
    }

    private void comboBox(String id, String value) {
        Locator input = page.locator("#" + id + " input");
        input.fill(value);
        waitForVaadin();
        input.press("Enter");
        waitForVaadin();
    }

    public MediaPlanPage placement(String value) {
        type("line-placement", value);
        return this;
    }

    public MediaPlanPage price(String value) {
        type("line-price", value);
        waitForVaadin();
        return this;
    }

    public MediaPlanPage discounts(String value) {
        type("line-discounts", value);
        waitForVaadin();
        return this;
    }

    public MediaPlanPage volume(String value) {
        type("line-volume", value);
        waitForVaadin();
        return this;
    }

    public boolean volumeShown() {
        return byId("line-volume").isVisible();
    }

    public String volumeLabel() {
        return page.locator("#line-volume label").innerText().trim();
    }

    /** The live line: effective discount, net price and cost. */
    public String preview() {
        // The preview follows typing lazily (after a short pause): let it catch up.
        page.waitForTimeout(600);
        waitForVaadin();
        return byId("line-preview").innerText().trim();
    }

    /** The error under a field of the line form ({@code line-price}…), empty when none. */
    public String error(String fieldId) {
        Locator field = byId(fieldId);
        if (field.getAttribute("invalid") == null) {
            return "";
        }
        return field.locator("[slot=error-message]").innerText().trim();
    }

    /** Saves the form; it closes when the line is valid. */
    public MediaPlanPage saveLine() {
        click("line-save");
        return this;
    }

    /** Whether the form is still open (it closes, with an animation, once the line is saved). */
    public boolean lineFormOpen() {
        try {
            byId("line-save").waitFor(new Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN).setTimeout(3000));
        } catch (com.microsoft.playwright.TimeoutError stillOpen) {
            // Refused: the errors are shown under the fields.
        }
        waitForVaadin();
        return byId("line-save").isVisible();
    }

    // --- versions and workflow

    public MediaPlanPage newVersion(String label) {
        click("plan-new-version");
        type("new-version-label", label);
        byId("new-version-create").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/plan\\?version=\\d+$"));
        waitForVaadin();
        return this;
    }

    public MediaPlanPage compare() {
        click("plan-compare");
        byId("compare-lines").waitFor();
        waitForVaadin();
        return this;
    }

    public String compareDifference() {
        return byId("compare-difference").innerText().trim();
    }

    public List<String> compareCells() {
        return page.locator("#compare-lines vaadin-grid-cell-content").allInnerTexts();
    }

    public MediaPlanPage closeCompare() {
        click("compare-close");
        return this;
    }

    public MediaPlanPage propose() {
        click("plan-propose");
        click("plan-propose-confirm");
        return this;
    }

    /** A client viewer approves the proposed version shown, with an optional comment. */
    public MediaPlanPage approve(String comment) {
        if (comment != null) {
            type("plan-comment", comment);
        }
        click("plan-approve");
        byId("plan-approve").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        waitForVaadin();
        return this;
    }

    /** Staff e-mail a signed approval link for the proposed version to a client contact. */
    public MediaPlanPage sendApprovalLink(String contactName, String contactEmail) {
        click("approval-send-link");
        type("approval-contact-name", contactName);
        type("approval-contact-email", contactEmail);
        click("approval-send");
        page.locator("#approval-links vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(contactEmail)).first().waitFor();
        waitForVaadin();
        return this;
    }

    /** The sent links as listed under the plan (contact, sent, expiry, status, comment), flattened. */
    public List<String> approvalLinks() {
        return page.locator("#approval-links vaadin-grid-cell-content").allInnerTexts().stream().map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }

    /** Closes the notifications still shown, so a screenshot shows the page itself. */
    public MediaPlanPage dismissNotifications() {
        page.evaluate("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        waitForVaadin();
        return this;
    }
}
