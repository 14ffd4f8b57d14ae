package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /vendors}: the organisation's régies and supports. */
public class VendorsPage extends Shell {

    public VendorsPage(Page page) {
        super(page);
    }

    /** Opens the list from the side navigation. */
    public static VendorsPage fromNavigation(Page page) {
        page.locator("vaadin-side-nav-item[path=vendors]").click();
        return current(page);
    }

    public static VendorsPage current(Page page) {
        page.waitForURL("**/vendors");
        VendorsPage vendors = new VendorsPage(page);
        vendors.waitForVaadin();
        return vendors;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public boolean isEmpty() {
        return byId("vendors-empty").isVisible();
    }

    public String emptyStateText() {
        return byId("vendors-empty").innerText().trim();
    }

    public VendorFormPage add() {
        click("vendors-add");
        page.waitForURL("**/vendors/new");
        waitForVaadin();
        return new VendorFormPage(page);
    }

    public List<String> rows() {
        waitForVaadin();
        return GridRows.of(page, "vendors-grid");
    }

    public VendorFormPage openVendor(String name) {
        page.locator("#vendors-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name))
                .first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/vendors/[0-9a-f-]{36}$"));
        waitForVaadin();
        return new VendorFormPage(page);
    }
}
