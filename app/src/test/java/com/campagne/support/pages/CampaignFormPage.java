package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/campaigns/<id|new>}: one campaign, its workflow buttons and history. */
public class CampaignFormPage extends Shell {

    public CampaignFormPage(Page page) {
        super(page);
    }

    /** Closes the notifications still shown, so a screenshot shows the page itself. */
    public CampaignFormPage dismissNotifications() {
        page.evaluate("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        waitForVaadin();
        return this;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public CampaignFormPage name(String value) {
        type("campaign-name", value);
        return this;
    }

    public CampaignFormPage objective(String label) {
        select("campaign-objective", label);
        return this;
    }

    /** Types a date the way a French user does (dd/MM/yyyy), then confirms it. */
    public CampaignFormPage start(String date) {
        return date("campaign-start", date);
    }

    public CampaignFormPage end(String date) {
        return date("campaign-end", date);
    }

    private CampaignFormPage date(String id, String date) {
        var input = page.locator("#" + id + " > input");
        input.fill(date);
        input.press("Enter");
        input.blur();
        waitForVaadin();
        return this;
    }

    public CampaignFormPage budget(String value) {
        type("campaign-budget", value);
        return this;
    }

    public CampaignFormPage audience(String value) {
        type("campaign-audience", value);
        return this;
    }

    public CampaignFormPage geography(String value) {
        type("campaign-geography", value);
        return this;
    }

    public CampaignFormPage ages(String min, String max) {
        type("campaign-age-min", min);
        type("campaign-age-max", max);
        return this;
    }

    /** Saves; stays on the form (errors) or opens the saved campaign. */
    public CampaignFormPage save() {
        click("campaign-save");
        return this;
    }

    /** Saves a valid form and waits for the address of the stored campaign. */
    public CampaignFormPage saveAndWait() {
        byId("campaign-save").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
        waitForVaadin();
        return this;
    }

    /** The error shown under a field ({@code campaign-<field>}), empty if none. */
    public String error(String fieldId) {
        var field = byId(fieldId);
        if (field.getAttribute("invalid") == null) {
            return "";
        }
        return field.locator("[slot=error-message]").innerText().trim();
    }

    public String status() {
        return page.locator(".campaign-status").first().innerText().trim();
    }

    public String statusHelp() {
        return byId("campaign-status-help").innerText().trim();
    }

    /** Clicks a workflow button ({@code propose}, {@code approve}, {@code launch}, {@code end}, {@code backToDraft}). */
    public CampaignFormPage step(String action) {
        click("campaign-step-" + action);
        return this;
    }

    /** "Terminer", then the confirmation; returns the dialog's title and text as the user read them. */
    public String endAfterConfirmation() {
        click("campaign-step-end");
        Locator confirm = byId("campaign-end-confirm");
        confirm.waitFor();
        Locator dialog = byId("campaign-end-dialog");
        String text = dialog.getAttribute("aria-label") + "\n" + dialog.getAttribute("aria-description");
        confirm.click();
        waitForVaadin();
        return text;
    }

    public CampaignFormPage comment(String value) {
        type("campaign-comment", value);
        return this;
    }

    public boolean hasStep(String action) {
        return byId("campaign-step-" + action).isVisible();
    }

    public List<String> history() {
        return byId("campaign-history").locator("li").allInnerTexts();
    }

    public CampaignsPage back() {
        click("campaign-back");
        return CampaignsPage.current(page);
    }
}
