package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** {@code /login}: the Vaadin login form, "stay logged in", the link to sign up. */
public class LoginPage extends PublicPage {

    public LoginPage(Page page) {
        super(page);
    }

    public static LoginPage open(Page page) {
        LoginPage login = new LoginPage(page);
        login.open("/login");
        return login;
    }

    /** This page, as reached by a redirect or a link (e.g. the verification link). */
    public static LoginPage current(Page page) {
        LoginPage login = new LoginPage(page);
        page.waitForURL("**/login**");
        login.waitForVaadin();
        return login;
    }

    /** Logs in and expects to get in: returns the clients list the app lands on. */
    public ClientsPage logIn(String email, String password) {
        submit(email, password);
        if (path().startsWith("/login")) {
            throw new AssertionError("Login as " + email + " was refused: " + errorMessage());
        }
        try {
            return ClientsPage.current(page);
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("After logging in as " + email + ", expected the clients list but got "
                    + path() + ": " + visibleText(), e);
        }
    }

    /** Ticks "stay logged in on this device". */
    public LoginPage rememberMe() {
        byId("remember-me").locator("input").check();
        waitForVaadin();
        return this;
    }

    /** Submits the form (the browser posts it and follows the answer's redirect). */
    public LoginPage submit(String email, String password) {
        Locator username = page.locator("vaadin-login-form input[name=username]");
        username.fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.waitForNavigation(() -> page.locator("vaadin-login-form vaadin-button[slot=submit]").click());
        waitForVaadin();
        return this;
    }

    /** The login form's error (title and text), empty when it shows none. */
    public String errorMessage() {
        Locator error = page.locator("vaadin-login-form-wrapper [part=error-message]");
        return error.isVisible() ? error.innerText().trim() : "";
    }

    /** The green notice above the form ("address confirmed", "password changed"…), empty when none. */
    public String notice() {
        Locator notice = byId("login-notice");
        return notice.isVisible() ? notice.innerText().trim() : "";
    }

    public SignupPage goToSignup() {
        page.locator("a[href=signup]").click();
        page.waitForURL("**/signup");
        waitForVaadin();
        return new SignupPage(page);
    }

    public ForgotPasswordPage forgotPassword() {
        page.locator("vaadin-login-form vaadin-button[slot=forgot-password]").click();
        page.waitForURL("**/forgot-password");
        waitForVaadin();
        return new ForgotPasswordPage(page);
    }
}
