package com.campagne.support.pages;

import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /approval/<token>}: the plan a client contact approves through the e-mailed link, with no account. */
public class ApprovalPage extends PublicPage {

    public ApprovalPage(Page page) {
        super(page);
    }

    /** Follows the link of the approval mail. */
    public static ApprovalPage follow(Page page, String link) {
        ApprovalPage approval = new ApprovalPage(page);
        page.navigate(link);
        approval.waitForVaadin();
        return approval;
    }

    /** The agency's name (and logo) at the top. */
    public String agency() {
        return byId("approval-agency").innerText().trim();
    }

    public String intro() {
        return byId("approval-intro").innerText().trim();
    }

    /** Client, campaign, period and version, as shown. */
    public String facts() {
        return byId("approval-facts").innerText();
    }

    /** The plan's lines, one text per row (cells separated by tabs or new lines). */
    public List<String> lines() {
        return page.locator("#approval-lines vaadin-grid-cell-content").allInnerTexts();
    }

    public String totals() {
        return byId("approval-totals").innerText();
    }

    public String grandTotal() {
        return byId("approval-grand-total").innerText().trim();
    }

    public ApprovalPage comment(String text) {
        type("approval-comment", text);
        return this;
    }

    public String commentError() {
        return fieldError("approval-comment");
    }

    public ApprovalPage approve() {
        click("approval-approve");
        return this;
    }

    public ApprovalPage requestChanges() {
        click("approval-request-changes");
        return this;
    }

    /** The confirmation's heading once the decision is recorded, empty before. */
    public String confirmation() {
        return byId("approval-done").isVisible() ? byId("approval-done").innerText().trim() : "";
    }

    public String confirmationText() {
        return byId("approval-done-text").innerText().trim();
    }

    /** Why the link cannot be used, empty when it can. */
    public String refusal() {
        return byId("approval-refused").isVisible() ? byId("approval-refused").innerText().trim() : "";
    }

    /** What to do about a refused link. */
    public String refusalNextStep() {
        return byId("approval-refused-next").innerText().trim();
    }

    public boolean canDecide() {
        return byId("approval-approve").isVisible();
    }
}
