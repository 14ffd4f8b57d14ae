package com.campagne.tenancy;

import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientFormPage;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MembersPage;
import com.campagne.support.pages.SignupPage;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main screens in French and in English, saved as {@code target/screenshots/screens-<fr|en>-NN-*.png}
 * for a human to look at, with the language of each checked on the way.
 */
class ScreenshotsBrowserTest extends BrowserTest {

    private record Texts(String browserLocale, Locale userLocale, String code, String signupTitle,
                         String signupError, String loginTitle, String loginError, String emptyTitle,
                         String newClient, String viewerRole, String membersTitle, String organisationScreen,
                         String auditScreen, String auditEntry, String accountScreen) {
    }

    private static final Texts FRENCH = new Texts("fr-FR", Locale.FRENCH, "fr", "Créer votre espace",
            "Indiquez le nom de votre organisation.", "Connexion", "Adresse e-mail ou mot de passe incorrect",
            "Ajoutez votre premier client", "Nouveau client", "Client (lecture seule)", "Équipe",
            "Fuseau horaire", "Journal d’audit", "Client créé", "Changer le mot de passe");
    private static final Texts ENGLISH = new Texts("en-GB", Locale.ENGLISH, "en", "Create your workspace",
            "Enter the name of your organisation.", "Log in", "Wrong e-mail address or password",
            "Add your first client", "New client", "Client (read-only)", "Team",
            "Time zone", "Audit log", "Client created", "Change password");

    @Test
    void frenchScreens() {
        screens(FRENCH);
    }

    @Test
    void englishScreens() {
        screens(ENGLISH);
    }

    private void screens(Texts t) {
        String prefix = "screens-" + t.code() + "-";
        var visitor = newPage(t.browserLocale());

        SignupPage signup = SignupPage.open(visitor);
        assertThat(signup.heading()).isEqualTo(t.signupTitle());
        screenshot(visitor, prefix + "01-signup");
        signup.submit();
        assertThat(signup.fieldError("signup-organization")).isEqualTo(t.signupError());
        screenshot(visitor, prefix + "02-signup-errors");

        LoginPage login = LoginPage.open(visitor);
        assertThat(login.heading()).isEqualTo(t.loginTitle());
        screenshot(visitor, prefix + "03-login");
        login.submit(uniqueEmail("nobody"), "Pas-Le-Bon-Mot-De-Passe");
        assertThat(login.errorMessage()).contains(t.loginError());
        screenshot(visitor, prefix + "04-login-error");

        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Horizon " + Integer.toHexString((int) System.nanoTime()),
                "Élodie Fournier", t.userLocale());
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        assertThat(clients.isEmpty()).isTrue();
        assertThat(clients.emptyStateText()).contains(t.emptyTitle());
        screenshot(page, prefix + "05-clients-empty");

        ClientFormPage form = clients.add();
        assertThat(form.title()).isEqualTo(t.newClient());
        form.name("Boulangerie Dupont").sector("Alimentation").website("https://boulangerie-dupont.fr")
                .contactEmail("contact@boulangerie-dupont.fr")
                .notes("Trois magasins à Lyon. Budget média mensuel : 1 500 €. Priorité : Instagram et Google Ads.");
        screenshot(page, prefix + "06-client-form");
        clients = form.save();
        clients = clients.add().name("Cabinet Lefèvre Avocats").sector("Juridique")
                .website("https://lefevre-avocats.fr").save();
        clients = clients.add().name("Hôtel des Alpes").sector("Tourisme").contactEmail("direction@hotel-alpes.fr").save();
        assertThat(clients.count()).isEqualTo(3);
        screenshot(page, prefix + "07-clients-list");

        MembersPage members = clients.goToMembers();
        assertThat(members.visibleText()).contains(t.membersTitle());
        var invite = members.invite().email(uniqueEmail("client")).role(t.viewerRole());
        screenshot(page, prefix + "08-invite-dialog");
        invite.clients("Hôtel des Alpes").send();
        screenshot(page, prefix + "09-members");

        otherScreen("/settings/organization", t.organisationScreen(), prefix + "10-organisation");
        otherScreen("/settings/audit", t.auditScreen(), prefix + "11-audit");
        assertThat(page.locator("#audit-grid").innerText()).contains(t.auditEntry());
        otherScreen("/account", t.accountScreen(), prefix + "12-account");
    }

    /** Opens a screen of the shell, checks a text of it in the expected language, takes its picture. */
    private void otherScreen(String path, String expectedText, String name) {
        page.navigate(baseUrl() + path);
        waitForVaadin(page);
        assertThat(page.locator("body").innerText()).contains(expectedText);
        screenshot(page, name);
    }
}
