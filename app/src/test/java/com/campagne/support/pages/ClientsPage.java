package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients}: the organisation's clients (advertisers). */
public class ClientsPage extends Shell {

    public ClientsPage(Page page) {
        super(page);
    }

    public static ClientsPage open(Page page) {
        ClientsPage clients = new ClientsPage(page);
        clients.open("/clients");
        return clients;
    }

    /** This page, as reached by login, a save or the navigation. */
    public static ClientsPage current(Page page) {
        page.waitForURL("**/clients");
        ClientsPage clients = new ClientsPage(page);
        clients.waitForVaadin();
        return clients;
    }

    public boolean canAddClients() {
        return byId("clients-add").isVisible();
    }

    /** The page shows the "add your first client" invitation instead of a list. */
    public boolean isEmpty() {
        return byId("clients-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("clients-empty").innerText().trim();
    }

    public ClientFormPage add() {
        byId("clients-add").click();
        return ClientFormPage.current(page);
    }

    /** How many clients the list holds (all pages of it, not only the rows drawn). */
    public int count() {
        if (!byId("clients-grid").isVisible()) {
            return 0;
        }
        waitForGrid();
        return ((Number) byId("clients-grid").evaluate("g => g.size")).intValue();
    }

    /** The names in the list (first column), in order. */
    public List<String> names() {
        if (!byId("clients-grid").isVisible()) {
            return List.of();
        }
        waitForGrid();
        return readNames();
    }

    @SuppressWarnings("unchecked")
    private List<String> readNames() {
        return (List<String>) byId("clients-grid").evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => {
                      const slot = r.querySelector('td slot');
                      const content = slot && slot.assignedElements()[0];
                      return content ? content.textContent.trim() : '';
                    })""");
    }

    /** Opens a client by clicking its name in the list. */
    public ClientFormPage openClient(String name) {
        page.locator("#clients-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name))
                .first().click();
        return ClientFormPage.current(page);
    }

    public void search(String text) {
        type("clients-search", text);
        waitForVaadin();
    }

    private void waitForGrid() {
        waitForVaadin();
        byId("clients-grid").page().waitForFunction(
                "() => { const g = document.querySelector('#clients-grid'); return g && !g.loading && !g.hasAttribute('loading'); }");
    }
}
