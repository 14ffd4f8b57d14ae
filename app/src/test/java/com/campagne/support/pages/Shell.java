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

    /** The organisations offered by the switcher ("Name · Role"), empty when the user has only one. */
    public List<String> tenantChoices() {
        if (!byId("tenant-switcher").isVisible()) {
            return List.of();
        }
        byId("tenant-switcher").click();
        Locator options = page.getByRole(AriaRole.OPTION);
        options.first().waitFor();
        List<String> choices = options.allInnerTexts().stream().map(String::trim).toList();
        page.keyboard().press("Escape");
        waitForVaadin();
        return choices;
    }

    /** The organisation currently chosen in the switcher ("Name · Role"). */
    public String currentTenantChoice() {
        return byId("tenant-switcher").locator("vaadin-select-value-button").innerText().trim();
    }

    /** Switches to the organisation whose name starts the switcher's entry; the app reloads on the clients. */
    public ClientsPage switchTenant(String organization) {
        Locator option = page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText(organization)).first();
        // Under load a click right after the overlay closed (tenantChoices) can land while it still closes:
        // open again until the option shows.
        for (int attempt = 0; attempt < 3 && !option.isVisible(); attempt++) {
            byId("tenant-switcher").click();
            try {
                option.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                page.keyboard().press("Escape");
            }
        }
        page.waitForNavigation(option::click); // the app reloads the page in the new organisation
        waitForVaadin();
        return ClientsPage.current(page);
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
