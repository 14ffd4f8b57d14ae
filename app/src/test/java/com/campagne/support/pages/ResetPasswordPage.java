package com.campagne.support.pages;

import com.microsoft.playwright.Page;

/** {@code /reset-password?token=…}: the target of the reset mail's link. */
public class ResetPasswordPage extends PublicPage {

    public ResetPasswordPage(Page page) {
        super(page);
    }

    /** Follows the link of the reset mail. */
    public static ResetPasswordPage follow(Page page, String link) {
        ResetPasswordPage reset = new ResetPasswordPage(page);
        page.navigate(link);
        reset.waitForVaadin();
        return reset;
    }

    /** Sets the new password; the app then shows the login page with a notice. */
    public LoginPage choose(String newPassword) {
        type("reset-password", newPassword);
        byId("reset-submit").click();
        return LoginPage.current(page);
    }

    /** Tries to set the new password when the app is expected to refuse: returns what it says. */
    public String chooseRefused(String newPassword) {
        type("reset-password", newPassword);
        click("reset-submit");
        String fieldError = fieldError("reset-password");
        return fieldError.isEmpty() ? notification() : fieldError;
    }
}
