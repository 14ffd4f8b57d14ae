package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.nio.file.Path;
import java.util.List;

/** The connection form generated from a connector's settings, new or stored. */
public class ConnectionFormPage extends Shell {

    public ConnectionFormPage(Page page) {
        super(page);
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public ConnectionFormPage name(String value) {
        type("connection-name", value);
        return this;
    }

    /** Types into the input of a TEXT, NUMBER, URL or SECRET setting. */
    public ConnectionFormPage setting(String key, String value) {
        type("setting-" + key, value);
        return this;
    }

    /** Picks an option of a CHOICE setting by its label. */
    public ConnectionFormPage choose(String key, String label) {
        select("setting-" + key, label);
        return this;
    }

    /** Uploads a file for a FILE setting and waits until it is shown as chosen. */
    public ConnectionFormPage upload(String key, Path file) {
        page.locator("#setting-" + key + "-upload input[type=file]").setInputFiles(file);
        page.waitForFunction("id => document.getElementById(id).innerText.includes('" + file.getFileName() + "')",
                "setting-" + key + "-file");
        waitForVaadin();
        return this;
    }

    public String fileText(String key) {
        return byId("setting-" + key + "-file").innerText().trim();
    }

    /** The error under a setting's input (or the file's), empty when none. */
    public String error(String key) {
        Locator file = page.locator("#setting-" + key + " .setting-error");
        if (file.count() > 0) {
            return file.isVisible() ? file.innerText().trim() : "";
        }
        return fieldError("setting-" + key);
    }

    public String nameError() {
        return fieldError("connection-name");
    }

    /** The placeholder of a secret's input ("•••• enregistré" once saved). */
    public String placeholder(String key) {
        return byId("setting-" + key).getAttribute("placeholder");
    }

    public String value(String key) {
        return page.locator("#setting-" + key + " > input").inputValue();
    }

    public boolean oauthButtonDisabled(String key) {
        return byId("setting-" + key + "-connect").isDisabled();
    }

    /** Scrolls so that an element is at the top of the screen (for pictures). */
    public void scrollTo(String id) {
        byId(id).evaluate("e => e.scrollIntoView({block: 'start'})");
        waitForVaadin();
    }

    /** Clicks "test the connection" and returns the result shown. */
    public String test() {
        click("connection-test");
        return checkResult();
    }

    public String checkResult() {
        return byId("connection-check-result").innerText().trim();
    }

    public boolean checkSucceeded() {
        return "true".equals(byId("connection-check-result").getAttribute("data-ok"));
    }

    /** The accounts offered, as shown. */
    public List<String> accounts() {
        return page.locator("#connection-accounts vaadin-checkbox").allInnerTexts().stream().map(String::trim).toList();
    }

    public ConnectionFormPage tickAccount(String text) {
        page.locator("#connection-accounts vaadin-checkbox").filter(new Locator.FilterOptions().setHasText(text))
                .locator("input").check();
        waitForVaadin();
        return this;
    }

    public ConnectionFormPage schedule(String label) {
        select("connection-schedule", label);
        return this;
    }

    /** Saves; the app goes back to the client's connections. */
    public ConnectionsPage save() {
        byId("connection-save").click();
        return ConnectionsPage.current(page);
    }

    /** Saves expecting the form to stay (errors). */
    public ConnectionFormPage saveWithErrors() {
        click("connection-save");
        return this;
    }

    /** Pauses (or resumes) the connection. */
    public void pause() {
        click("connection-pause");
    }

    public boolean canSync() {
        return byId("sync-now").isVisible();
    }

    public ConnectionsPage delete() {
        click("connection-delete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer").setExact(true)).last().click();
        return ConnectionsPage.current(page);
    }
}
