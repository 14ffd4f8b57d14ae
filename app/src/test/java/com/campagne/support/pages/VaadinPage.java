package com.campagne.support.pages;

import com.campagne.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Base of the page objects: how to talk to Vaadin components (fields, buttons, selects) so that
 * tests only speak of what a user does and sees.
 */
public abstract class VaadinPage {

    protected final Page page;

    protected VaadinPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    /** Waits until Vaadin has no round trip in flight. */
    public void waitForVaadin() {
        BrowserTest.waitForVaadin(page);
    }

    /** Opens {@code path} (relative to the app) and waits for Vaadin to render it. */
    protected void open(String path) {
        page.navigate(path);
        waitForVaadin();
    }

    protected Locator byId(String id) {
        return page.locator("#" + id);
    }

    /** Types into a Vaadin text, e-mail, password field or text area, then leaves it (which sends the value). */
    protected void type(String fieldId, String value) {
        Locator input = page.locator("#" + fieldId + " > input, #" + fieldId + " > textarea");
        input.fill(value);
        input.blur();
    }

    protected void click(String id) {
        byId(id).click();
        waitForVaadin();
    }

    /** Picks the option shown as {@code label} in a Vaadin select. */
    protected void select(String selectId, String label) {
        byId(selectId).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        waitForVaadin();
    }

    /**
     * Switches the language with the FR / EN picker ("FR" or "EN"); the page reloads in it. Once
     * logged in, the choice is saved to the account.
     */
    public void switchLanguage(String code) {
        page.waitForNavigation(() -> {
            byId("language-switch").click();
            page.locator("#language-switch vaadin-select-item")
                    .filter(new Locator.FilterOptions().setHasText(code)).click();
        });
        waitForVaadin();
    }

    /** The language shown in the picker ("FR" or "EN"). */
    public String language() {
        return page.locator("#language-switch vaadin-select-value-button").innerText().trim();
    }

    /** The error shown under a field, empty when none. */
    public String fieldError(String fieldId) {
        Locator error = page.locator("#" + fieldId + " > [slot=error-message]");
        return error.isVisible() ? error.innerText().trim() : "";
    }

    /** The text of the notification shown (waits for one). */
    public String notification() {
        Locator card = page.locator("vaadin-notification-card").last();
        card.waitFor();
        return card.innerText().trim();
    }

    /** Everything the page shows as text (what a user reads). */
    public String visibleText() {
        return page.locator("body").innerText();
    }

    /** The path and query of the current address, e.g. {@code /login?verified}. */
    public String path() {
        java.net.URI uri = java.net.URI.create(page.url());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
