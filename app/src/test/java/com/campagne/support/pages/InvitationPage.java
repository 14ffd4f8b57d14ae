package com.campagne.support.pages;

import com.microsoft.playwright.Page;

/** {@code /invitation?token=…}: the target of the invitation mail's link. */
public class InvitationPage extends PublicPage {

    public InvitationPage(Page page) {
        super(page);
    }

    public static InvitationPage follow(Page page, String link) {
        InvitationPage invitation = new InvitationPage(page);
        page.navigate(link);
        invitation.waitForVaadin();
        return invitation;
    }

    /** "X invites you to join… with the role…". */
    public String text() {
        return byId("invitation-text").innerText().trim();
    }

    /** Joins as the existing user the invitation is for, who proves it with their password. */
    public LoginPage acceptAsExistingUser(String password) {
        type("invitation-password", password);
        byId("invitation-accept").click();
        return LoginPage.current(page);
    }

    /** Joins as a new user; the app then shows the login page. */
    public LoginPage acceptAsNewUser(String name, String password) {
        type("invitation-name", name);
        type("invitation-password", password);
        byId("invitation-accept").click();
        return LoginPage.current(page);
    }
}
