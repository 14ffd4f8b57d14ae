package com.campagne.accounts;

import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.ResetPasswordPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Login lockout and the "forgot password" mail, through the screens. */
class AccountSecurityBrowserTest extends BrowserTest {

    private static final String NEW_PASSWORD = "Chamois-Bleu-Sapin-2027";

    @Test
    void fiveWrongPasswordsLockTheAccountUntilThePasswordIsReset() {
        Account owner = signedUpOwner(TenantKind.BUSINESS, "Fleuriste Rose " + Integer.toHexString((int) System.nanoTime()),
                "Julie Petit", Locale.FRENCH);
        LoginPage login = LoginPage.open(page);
        for (int attempt = 1; attempt <= 4; attempt++) {
            login.submit(owner.email(), "Mauvais-Mot-De-Passe-" + attempt);
            assertThat(login.path()).as("attempt %d", attempt).startsWith("/login");
            assertThat(login.errorMessage()).as("attempt %d", attempt)
                    .contains("Adresse e-mail ou mot de passe incorrect").doesNotContain("verrouillé");
        }
        login.submit(owner.email(), "Mauvais-Mot-De-Passe-5");
        assertThat(login.errorMessage()).contains("verrouillé", "15 minutes");

        // Now even the right password is refused, with the same explanation.
        login.submit(owner.email(), owner.password());
        assertThat(login.path()).startsWith("/login");
        assertThat(login.errorMessage()).contains("verrouillé");

        // As the message says, resetting the password lifts the lock.
        String sent = login.forgotPassword().requestLink(owner.email());
        assertThat(sent).contains(owner.email());
        String link = Mailbox.waitFor(owner.email(), "Réinitialisation de votre mot de passe").firstLink();
        LoginPage afterReset = ResetPasswordPage.follow(page, link).choose(NEW_PASSWORD);
        ClientsPage clients = afterReset.logIn(owner.email(), NEW_PASSWORD);
        assertThat(clients.tenantName()).isEqualTo(owner.organization());
    }

    @Test
    void stayLoggedInSurvivesTheEndOfTheSessionAndLogOutForgetsIt() {
        Account owner = signedUpOwner(TenantKind.BUSINESS, "Cave Vigneron " + Integer.toHexString((int) System.nanoTime()),
                "Paul Girard", Locale.FRENCH);
        LoginPage.open(page).rememberMe().logIn(owner.email(), owner.password());
        assertThat(page.context().cookies()).anySatisfy(c -> assertThat(c.name).isEqualTo("remember-me"));

        // The server-side session is gone (as after the idle time-out): the remember-me cookie logs back in.
        page.context().clearCookies(new com.microsoft.playwright.BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.navigate(baseUrl() + "/clients");
        assertThat(ClientsPage.current(page).tenantName()).isEqualTo(owner.organization());

        // Without the box ticked, losing the session means logging in again.
        page.context().clearCookies();
        LoginPage.open(page).logIn(owner.email(), owner.password());
        assertThat(page.context().cookies()).noneSatisfy(c -> assertThat(c.name).isEqualTo("remember-me"));
        page.context().clearCookies(new com.microsoft.playwright.BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        page.navigate(baseUrl() + "/clients");
        LoginPage.current(page);
    }

    @Test
    void passwordResetByMailLinkSetsTheNewPassword() {
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Mistral " + Integer.toHexString((int) System.nanoTime()),
                "Hugo Lambert", Locale.FRENCH);
        String sent = LoginPage.open(page).forgotPassword().requestLink(owner.email());
        assertThat(sent).contains(owner.email());

        Mailbox.Mail mail = Mailbox.waitFor(owner.email(), "Réinitialisation de votre mot de passe");
        assertThat(mail.body()).contains("Hugo Lambert");
        assertThat(mail.firstLink()).startsWith(baseUrl() + "/reset-password?token=");
        LoginPage login = ResetPasswordPage.follow(page, mail.firstLink()).choose(NEW_PASSWORD);
        assertThat(login.notice()).contains("Mot de passe modifié");

        login.submit(owner.email(), owner.password());
        assertThat(login.errorMessage()).contains("Adresse e-mail ou mot de passe incorrect");
        ClientsPage clients = login.logIn(owner.email(), NEW_PASSWORD);
        assertThat(clients.tenantName()).isEqualTo(owner.organization());

        // The link is used up.
        ResetPasswordPage again = ResetPasswordPage.follow(newPage("fr-FR"), mail.firstLink());
        assertThat(again.chooseRefused("Autre-Mot-De-Passe-Solide-9")).contains("Ce lien n’est plus valable");
    }
}
