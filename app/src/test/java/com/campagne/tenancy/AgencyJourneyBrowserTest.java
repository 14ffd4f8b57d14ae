package com.campagne.tenancy;

import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ClientFormPage;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.InvitationPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MembersPage;
import com.campagne.support.pages.SignupPage;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first day of an agency, entirely through the screens and real mails: sign-up, address
 * confirmation, first login, first client, inviting a media manager, who joins, logs in, sees the
 * client and works in English then in French again.
 */
class AgencyJourneyBrowserTest extends BrowserTest {

    @Test
    void agencySignsUpAddsAClientAndItsInvitedManagerJoinsAndSwitchesLanguage() {
        String agency = "Agence Lumière " + Integer.toHexString((int) System.nanoTime());
        String ownerEmail = uniqueEmail("claire");

        // The owner signs up as an agency.
        SignupPage signup = SignupPage.open(page);
        signup.kind(TenantKind.AGENCY);
        assertThat(signup.organizationLabel()).contains("Nom de votre agence");
        String done = signup.organization(agency).name("Claire Martin").email(ownerEmail).password(PASSWORD)
                .submit().doneText();
        assertThat(done).contains(ownerEmail);

        // …confirms her address with the link of the mail…
        Mailbox.Mail verification = Mailbox.waitFor(ownerEmail, "Confirmez votre adresse");
        assertThat(verification.body()).contains("Claire Martin");
        page.navigate(verification.firstLink());
        LoginPage login = LoginPage.current(page);
        assertThat(login.notice()).contains("Adresse confirmée");

        // …logs in to an empty agency and adds its first client.
        ClientsPage clients = login.logIn(ownerEmail, PASSWORD);
        assertThat(clients.tenantName()).isEqualTo(agency);
        assertThat(clients.navigation()).contains("Clients", "Paramètres", "Équipe");
        assertThat(clients.isEmpty()).isTrue();
        ClientFormPage form = clients.add();
        clients = form.name("Boulangerie Dupont").sector("Alimentation").website("https://boulangerie-dupont.fr")
                .contactEmail("contact@boulangerie-dupont.fr").save();
        assertThat(clients.names()).containsExactly("Boulangerie Dupont");

        // She invites a media manager.
        String managerEmail = uniqueEmail("karim");
        MembersPage members = clients.goToMembers();
        members.invite().email(managerEmail).role("Chef de projet média").send();
        assertThat(members.pendingInvitations()).containsExactly(managerEmail);

        // The manager follows the link of the invitation mail, on his own computer.
        Mailbox.Mail invitation = Mailbox.waitFor(managerEmail, "Invitation à rejoindre " + agency);
        assertThat(invitation.body()).contains("Claire Martin", "Chef de projet média");
        Page manager = newPage("fr-FR");
        InvitationPage join = InvitationPage.follow(manager, invitation.firstLink());
        assertThat(join.text()).contains(agency, "Chef de projet média", managerEmail);
        screenshot(manager, "journey-fr-invitation");
        LoginPage managerLogin = join.acceptAsNewUser("Karim Benali", PASSWORD);
        assertThat(managerLogin.notice()).contains("Invitation acceptée");

        // He logs in and sees the agency's client; a manager edits clients but not the team.
        ClientsPage managerClients = managerLogin.logIn(managerEmail, PASSWORD);
        assertThat(managerClients.tenantName()).isEqualTo(agency);
        assertThat(managerClients.names()).containsExactly("Boulangerie Dupont");
        assertThat(managerClients.canAddClients()).isTrue();
        assertThat(managerClients.navigation()).contains("Clients").doesNotContain("Équipe", "Paramètres");

        // He works in English…
        managerClients.switchLanguage("EN");
        assertThat(managerClients.language()).isEqualTo("EN");
        assertThat(managerClients.visibleText()).contains("Add a client", "Show archived")
                .doesNotContain("Ajouter un client");
        assertThat(managerClients.userMenuEntries()).containsExactly("My account", "Log out");
        // …which his account keeps: a new visit is in English too.
        managerClients = ClientsPage.open(manager);
        assertThat(managerClients.visibleText()).contains("Add a client");
        assertThat(managerClients.names()).containsExactly("Boulangerie Dupont");

        // …then in French again.
        managerClients.switchLanguage("FR");
        assertThat(managerClients.language()).isEqualTo("FR");
        assertThat(managerClients.visibleText()).contains("Ajouter un client").doesNotContain("Add a client");
        assertThat(managerClients.userMenuEntries()).containsExactly("Mon compte", "Se déconnecter");
        assertThat(managerClients.path()).isEqualTo("/clients");
    }
}
