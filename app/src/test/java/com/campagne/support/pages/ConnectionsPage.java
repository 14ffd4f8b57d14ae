package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/connections}: a client's connections. */
public class ConnectionsPage extends Shell {

    public ConnectionsPage(Page page) {
        super(page);
    }

    public static ConnectionsPage open(Page page, String clientId) {
        ConnectionsPage connections = new ConnectionsPage(page);
        connections.open("/clients/" + clientId + "/connections");
        return connections;
    }

    public static ConnectionsPage current(Page page) {
        page.waitForURL("**/connections");
        ConnectionsPage connections = new ConnectionsPage(page);
        connections.waitForVaadin();
        return connections;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    /** The page invites to add a first connection instead of listing. */
    public boolean isEmpty() {
        return byId("connections-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("connections-empty").innerText().trim();
    }

    /** Opens the connector picker. */
    public ConnectorPickerPage add() {
        click("connections-add");
        page.waitForURL("**/connections/new");
        waitForVaadin();
        return new ConnectorPickerPage(page);
    }

    /** The rows of the list, each as the texts of its cells joined by " | ". */
    @SuppressWarnings("unchecked")
    public List<String> rows() {
        if (!byId("connections-grid").isVisible()) {
            return List.of();
        }
        waitForVaadin();
        page.waitForFunction("() => { const g = document.querySelector('#connections-grid');"
                + " return g && !g.loading && !g.hasAttribute('loading'); }");
        return (List<String>) byId("connections-grid").evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => [...r.querySelectorAll('td slot')]
                        .map(s => s.assignedElements()[0])
                        .map(c => c ? c.textContent.trim() : '').join(' | '))""");
    }

    /** Opens a connection by clicking its name. */
    public ConnectionFormPage openConnection(String name) {
        page.locator("#connections-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name))
                .first().click();
        page.waitForURL("**/connections/*");
        waitForVaadin();
        return new ConnectionFormPage(page);
    }

    /** Clicks "try with demo data" in the empty state; the app opens the new connection. */
    public ConnectionFormPage tryDemo() {
        click("connections-demo");
        page.waitForURL(java.util.regex.Pattern.compile(".*/connections/[0-9a-f-]{36}$"));
        waitForVaadin();
        return new ConnectionFormPage(page);
    }
}
