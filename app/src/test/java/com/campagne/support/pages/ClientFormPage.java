package com.campagne.support.pages;

import com.microsoft.playwright.Page;

import java.util.UUID;

/** {@code /clients/new} and {@code /clients/<id>}: one client's record. */
public class ClientFormPage extends Shell {

    public ClientFormPage(Page page) {
        super(page);
    }

    /** Opens {@code /clients/<id>} by typing the address. */
    public static ClientFormPage open(Page page, String id) {
        ClientFormPage form = new ClientFormPage(page);
        form.open("/clients/" + id);
        return form;
    }

    public static ClientFormPage current(Page page) {
        page.waitForURL("**/clients/*");
        ClientFormPage form = new ClientFormPage(page);
        form.waitForVaadin();
        return form;
    }

    /** The id in the address ({@code /clients/<id>}). */
    public UUID id() {
        String path = path();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public ClientFormPage name(String value) {
        type("client-name", value);
        return this;
    }

    public ClientFormPage sector(String value) {
        type("client-sector", value);
        return this;
    }

    public ClientFormPage website(String value) {
        type("client-website", value);
        return this;
    }

    public ClientFormPage contactEmail(String value) {
        type("client-contact-email", value);
        return this;
    }

    public ClientFormPage notes(String value) {
        type("client-notes", value);
        return this;
    }

    /** Saves; the app goes back to the list. */
    public ClientsPage save() {
        byId("client-save").click();
        return ClientsPage.current(page);
    }

    /** The "not found" page is shown instead of a record. */
    public boolean isNotFound() {
        return byId("not-found").isVisible();
    }

    public boolean isEditable() {
        return byId("client-save").isVisible();
    }
}
