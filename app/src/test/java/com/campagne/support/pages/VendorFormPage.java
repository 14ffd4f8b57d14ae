package com.campagne.support.pages;

import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /vendors/<id|new>}: a vendor's card, its contacts and rate card (each edited in a dialog). */
public class VendorFormPage extends DialogForm {

    public VendorFormPage(Page page) {
        super(page);
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    public VendorFormPage name(String value) {
        type("vendor-name", value);
        return this;
    }

    public VendorFormPage kind(String label) {
        select("vendor-kind", label);
        return this;
    }

    public VendorFormPage website(String value) {
        type("vendor-website", value);
        return this;
    }

    /** Saves; stays on the form (errors) or, for a new vendor, opens the stored one. */
    public VendorFormPage save() {
        click("vendor-save");
        return this;
    }

    public VendorFormPage saveAndWait() {
        byId("vendor-save").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/vendors/[0-9a-f-]{36}$"));
        waitForVaadin();
        return this;
    }

    /** Opens the contact dialog, fills it and saves (the dialog stays open on errors). */
    public VendorFormPage addContact(String name, String jobTitle, String email, String phone) {
        click("contacts-add");
        type("contact-name", name);
        type("contact-job-title", jobTitle);
        type("contact-email", email);
        type("contact-phone", phone);
        click("contact-save");
        return this;
    }

    /** Opens the rate dialog and fills it; {@link #saveRate()} then saves. Empty dates are left out. */
    public VendorFormPage rate(String channel, String placement, String format, String buyingModel, String price,
                               String validFrom, String validTo) {
        click("rates-add");
        if (channel != null) {
            select("rate-channel", channel);
        }
        type("rate-placement", placement);
        if (format != null) {
            combo("rate-format", format);
        }
        if (buyingModel != null) {
            select("rate-buying-model", buyingModel);
        }
        type("rate-price", price);
        if (validFrom != null) {
            date("rate-valid-from", validFrom);
        }
        if (validTo != null) {
            date("rate-valid-to", validTo);
        }
        return this;
    }

    public VendorFormPage saveRate() {
        click("rate-save");
        return this;
    }

    public VendorFormPage cancelDialog(String prefix) {
        click(prefix + "-cancel");
        return this;
    }

    public List<String> contacts() {
        return GridRows.of(page, "contacts-grid");
    }

    public List<String> rates() {
        return GridRows.of(page, "rates-grid");
    }

    public VendorsPage back() {
        click("vendor-back");
        return VendorsPage.current(page);
    }
}
