package com.campagne.support.pages;

import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;

/** {@code /signup}: creates an organisation (agency or business) and its owner. */
public class SignupPage extends PublicPage {

    public SignupPage(Page page) {
        super(page);
    }

    public static SignupPage open(Page page) {
        SignupPage signup = new SignupPage(page);
        signup.open("/signup");
        return signup;
    }

    public SignupPage kind(TenantKind kind) {
        // The radio buttons are listed in the order of TenantKind.
        page.locator("#signup-kind vaadin-radio-button").nth(kind.ordinal()).locator("input").check();
        waitForVaadin();
        return this;
    }

    public SignupPage organization(String name) {
        type("signup-organization", name);
        return this;
    }

    public SignupPage name(String name) {
        type("signup-name", name);
        return this;
    }

    public SignupPage email(String email) {
        type("signup-email", email);
        return this;
    }

    public SignupPage password(String password) {
        type("signup-password", password);
        return this;
    }

    /** The label of the organisation field (it follows the kind: agency or company name). */
    public String organizationLabel() {
        return page.locator("#signup-organization > label").innerText().trim();
    }

    public SignupPage submit() {
        click("signup-submit");
        return this;
    }

    /** Fills everything and submits; returns the confirmation text ("check your mailbox"). */
    public String signUp(TenantKind kind, String organization, String name, String email, String password) {
        kind(kind).organization(organization).name(name).email(email).password(password).submit();
        return doneText();
    }

    public String doneText() {
        return byId("signup-done").innerText().trim();
    }
}
