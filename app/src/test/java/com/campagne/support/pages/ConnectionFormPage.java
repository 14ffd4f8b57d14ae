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

    /** What an OAuth 2 account field says in place of its button when the operator has not registered the provider. */
    public String oauthNotConfigured(String key) {
        return byId("setting-" + key + "-not-configured").innerText().trim();
    }

    public String oauthButton(String key) {
        return byId("setting-" + key + "-connect").innerText().trim();
    }

    /** Clicks "Se connecter avec …": the browser goes to the provider and, when it answers at once, back here. */
    public ConnectionFormPage signIn(String key) {
        byId("setting-" + key + "-connect").click();
        page.waitForURL(url -> url.contains("oauth="), new com.microsoft.playwright.Page.WaitForURLOptions()
                .setTimeout(20_000));
        waitForVaadin();
        byId("setting-" + key + "-status").waitFor();
        return this;
    }

    /** The state of an OAuth 2 account field ("Compte autorisé ✓, expire le …" or what went wrong). */
    public String oauthStatus(String key) {
        return byId("setting-" + key + "-status").innerText().trim();
    }

    public boolean oauthAuthorised(String key) {
        return "true".equals(byId("setting-" + key + "-status").getAttribute("data-authorised"));
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

    /** Clicks "Synchroniser maintenant" in the connection's sync panel. */
    public ConnectionFormPage syncNow() {
        click("sync-now");
        return this;
    }

    /** The runs of the history, latest first, each as its cells' texts (start, end, duration, read, written, refused, status). */
    @SuppressWarnings("unchecked")
    public List<List<String>> runs() {
        waitForVaadin();
        return (List<List<String>>) byId("sync-runs").evaluate(ROWS);
    }

    /**
     * Waits (the page polls while a run is going on) until the latest run of the history shows
     * {@code status} ("Réussie", "Échouée") and returns its cells.
     */
    public List<String> waitForLatestRun(String status, double timeoutMs) {
        long end = System.currentTimeMillis() + (long) timeoutMs;
        List<List<String>> runs = runs();
        while (runs.isEmpty() || !runs.getFirst().get(6).equals(status)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("The latest run did not become " + status + ": " + runs);
            }
            page.waitForTimeout(500);
            runs = runs();
        }
        return runs.getFirst();
    }

    /** The message shown under the latest run (open at once for a failed run), empty when none is shown. */
    public String latestRunMessage() {
        waitForVaadin();
        return (String) byId("sync-runs").evaluate("""
                grid => {
                    const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(r => !r.hidden && r.index === 0);
                    const slot = row && row.querySelector('td[part~="details-cell"] slot');
                    const details = slot && slot.assignedElements()[0];
                    const message = details && details.querySelector('.sync-run-message');
                    return message && message.checkVisibility() ? message.innerText.trim() : '';
                }""");
    }

    /** Opens the details of the latest run and returns the records it refused, each as (where, reason, record). */
    @SuppressWarnings("unchecked")
    public List<List<String>> refusedRecordsOfLatestRun() {
        String firstCell = (String) byId("sync-runs").evaluate("grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]"
                + ".find(r => !r.hidden && r.index === 0).querySelector('td slot').name");
        page.locator("#sync-runs > vaadin-grid-cell-content[slot='" + firstCell + "']").click();
        Locator errors = page.locator("#sync-runs .sync-errors").first();
        errors.waitFor();
        waitForVaadin();
        return (List<List<String>>) errors.evaluate(ROWS);
    }

    /** The rows of a Vaadin grid (in its light DOM), each as the texts of its cells. */
    private static final String ROWS = """
            grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                .sort((a, b) => a.index - b.index)
                .map(r => [...r.querySelectorAll('td:not([part~="details-cell"]) slot')]
                    .map(s => s.assignedElements()[0])
                    .map(c => c ? c.innerText.trim() : ''))""";

    public ConnectionsPage delete() {
        click("connection-delete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer").setExact(true)).last().click();
        return ConnectionsPage.current(page);
    }
}
