package com.campagne.support.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Fields of a Vaadin form the vendor and objective screens share: dates, combo boxes, errors, notifications. */
abstract class DialogForm extends Shell {

    protected DialogForm(Page page) {
        super(page);
    }

    /** Types a date the way a French user does (dd/MM/yyyy), then confirms it. */
    protected void date(String id, String date) {
        var input = page.locator("#" + id + " > input");
        input.fill(date);
        input.press("Enter");
        input.blur();
        waitForVaadin();
    }

    /** Types the start of an option's label in a combo box and picks that option. */
    protected void combo(String id, String label) {
        var input = page.locator("#" + id + " > input");
        input.click();
        input.fill(label);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        waitForVaadin();
    }

    /** The error shown under a field, empty if none. */
    public String error(String fieldId) {
        var field = byId(fieldId);
        if (field.getAttribute("invalid") == null) {
            return "";
        }
        return field.locator("[slot=error-message]").innerText().trim();
    }

    /** Closes the notifications still shown, so a screenshot shows the page itself. */
    public void dismissNotifications() {
        page.evaluate("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        waitForVaadin();
    }

    /** Whether a dialog is open. */
    public boolean dialogOpen() {
        return page.locator("vaadin-dialog-overlay[opened]").count() > 0;
    }
}
