package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/campaigns}: a client's campaigns. */
public class CampaignsPage extends Shell {

    public CampaignsPage(Page page) {
        super(page);
    }

    public static CampaignsPage current(Page page) {
        page.waitForURL("**/campaigns");
        CampaignsPage campaigns = new CampaignsPage(page);
        campaigns.waitForVaadin();
        return campaigns;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    /** The page invites to create a first campaign instead of listing. */
    public boolean isEmpty() {
        return byId("campaigns-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("campaigns-empty").innerText().trim();
    }

    /** Opens the form of a new campaign. */
    public CampaignFormPage add() {
        click("campaigns-add");
        page.waitForURL("**/campaigns/new");
        waitForVaadin();
        return new CampaignFormPage(page);
    }

    /** The rows of the list, each as the texts of its cells joined by " | ". */
    @SuppressWarnings("unchecked")
    public List<String> rows() {
        if (!byId("campaigns-grid").isVisible()) {
            return List.of();
        }
        waitForVaadin();
        page.waitForFunction("() => { const g = document.querySelector('#campaigns-grid');"
                + " return g && !g.loading && !g.hasAttribute('loading'); }");
        return (List<String>) byId("campaigns-grid").evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => [...r.querySelectorAll('td slot')]
                        .map(s => s.assignedElements()[0])
                        .map(c => c ? c.textContent.trim() : '').join(' | '))""");
    }

    /** Opens a campaign by clicking its name. */
    public CampaignFormPage openCampaign(String name) {
        page.locator("#campaigns-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name))
                .first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/campaigns/[0-9a-f-]{36}$"));
        waitForVaadin();
        return new CampaignFormPage(page);
    }
}
