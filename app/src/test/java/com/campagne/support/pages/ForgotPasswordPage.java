package com.campagne.support.pages;

import com.microsoft.playwright.Page;

/** {@code /forgot-password}: asks for a reset link by mail. */
public class ForgotPasswordPage extends PublicPage {

    public ForgotPasswordPage(Page page) {
        super(page);
    }

    /** Asks for the link; returns the confirmation shown. */
    public String requestLink(String email) {
        type("forgot-email", email);
        click("forgot-submit");
        return byId("forgot-done").innerText().trim();
    }
}
