package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /approvals} ("À valider"): the proposed media plans waiting for the client's decision. */
public class PendingApprovalsPage extends Shell {

    public PendingApprovalsPage(Page page) {
        super(page);
    }

    public static PendingApprovalsPage open(Page page) {
        PendingApprovalsPage approvals = new PendingApprovalsPage(page);
        approvals.open("/approvals");
        return approvals;
    }

    /** Reached through the side navigation entry of that name. */
    public static PendingApprovalsPage fromNavigation(Page page, String entry) {
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(entry)).first().click();
        page.waitForURL("**/approvals");
        PendingApprovalsPage approvals = new PendingApprovalsPage(page);
        approvals.waitForVaadin();
        return approvals;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public boolean isEmpty() {
        return byId("approvals-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("approvals-empty").innerText().trim();
    }

    /** The rows' cells, as shown (client, campaign, version, total, proposed on, link), flattened. */
    public List<String> cells() {
        return page.locator("#approvals vaadin-grid-cell-content").allInnerTexts().stream().map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }

    /** Where the row's link leads (the plan at that version). */
    public List<String> planLinks() {
        return page.locator("#approvals a.approvals-open").all().stream().map(a -> a.getAttribute("href")).toList();
    }

}
