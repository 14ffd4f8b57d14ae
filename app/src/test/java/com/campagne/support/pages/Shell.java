package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.List;

/** The frame around the signed-in screens: side navigation, organisation, language, user menu. */
public abstract class Shell extends VaadinPage {

    protected Shell(Page page) {
        super(page);
    }

    /** The entries of the side navigation, as shown. */
    public List<String> navigation() {
        return page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::trim)
                .map(t -> t.lines().findFirst().orElse("").trim()).toList();
    }

    /** The name of the organisation shown in the top bar (one organisation only). */
    public String tenantName() {
        return byId("tenant-name").innerText().trim();
    }

    /** The entries of the user menu (opened, read, closed). */
    public List<String> userMenuEntries() {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        // The sub-menu's entries (role "menu"), not the top-level button (inside the role "menubar").
        Locator items = page.getByRole(AriaRole.MENU).getByRole(AriaRole.MENUITEM);
        items.first().waitFor();
        List<String> entries = items.allInnerTexts().stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        page.keyboard().press("Escape");
        return entries;
    }

    public ClientsPage goToClients() {
        page.locator("vaadin-side-nav-item[path=clients]").click();
        return ClientsPage.current(page);
    }

    public MembersPage goToMembers() {
        page.locator("vaadin-side-nav-item[path='settings/members']").click();
        page.waitForURL("**/settings/members");
        waitForVaadin();
        return new MembersPage(page);
    }
}
