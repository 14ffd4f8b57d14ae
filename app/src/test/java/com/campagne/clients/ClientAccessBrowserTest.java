package com.campagne.clients;

import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ClientFormPage;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.InvitationPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MembersPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which client, checked where it matters: on the screens, and by typing addresses. */
class ClientAccessBrowserTest extends BrowserTest {

    @Test
    void clientViewerSeesOnlyTheClientGrantedAndChangesNothing() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Cap Ouest " + suffix, "Sophie Leroy", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String granted = "Fromagerie Alpine " + suffix;
        String other = "Cave Bordelaise " + suffix;
        clients = clients.add().name(granted).sector("Alimentation").save();
        clients = clients.add().name(other).sector("Vins").save();
        assertThat(clients.names()).containsExactlyInAnyOrder(granted, other);
        UUID otherId = clients.openClient(other).id();

        String viewerEmail = uniqueEmail("marc");
        MembersPage members = MembersPage.open(page);
        members.invite().email(viewerEmail).role("Client (lecture seule)").clients(granted).send();
        assertThat(members.pendingInvitations()).containsExactly(viewerEmail);

        Page viewer = newPage("fr-FR");
        String link = Mailbox.waitFor(viewerEmail, "Invitation à rejoindre").firstLink();
        InvitationPage invitation = InvitationPage.follow(viewer, link);
        assertThat(invitation.text()).contains("Client (lecture seule)");
        ClientsPage seen = invitation.acceptAsNewUser("Marc Girard", PASSWORD).logIn(viewerEmail, PASSWORD);

        assertThat(seen.names()).containsExactly(granted);
        assertThat(seen.count()).isEqualTo(1);
        assertThat(seen.canAddClients()).isFalse();
        assertThat(seen.visibleText()).doesNotContain(other, "Ajouter un client");

        // The granted client opens read-only…
        ClientFormPage record = seen.openClient(granted);
        assertThat(record.title()).isEqualTo(granted);
        assertThat(record.isEditable()).isFalse();
        screenshot(viewer, "client-viewer-fr-record");
        // …the other one does not open at all, even by its address, and neither does the creation form.
        ClientFormPage forbidden = ClientFormPage.open(viewer, otherId.toString());
        assertThat(forbidden.isNotFound()).isTrue();
        assertThat(forbidden.visibleText()).doesNotContain(other);
        assertThat(ClientFormPage.open(viewer, "new").isNotFound()).isTrue();
    }

    @Test
    void anotherOrganisationsClientOpenedByItsAddressIsNotFound() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        // Organisation B, a business: its one client is the business itself.
        Account b = signedUpOwner(TenantKind.BUSINESS, "Garage Moreau " + suffix, "Paul Moreau", Locale.FRENCH);
        Page pageB = newPage("fr-FR");
        ClientsPage clientsB = LoginPage.open(pageB).logIn(b.email(), b.password());
        assertThat(clientsB.names()).containsExactly(b.organization());
        UUID clientOfB = clientsB.openClient(b.organization()).id();

        // Organisation A types the address of B's client.
        Account a = signedUpOwner(TenantKind.AGENCY, "Agence Sud " + suffix, "Nadia Haddad", Locale.FRENCH);
        ClientsPage clientsA = LoginPage.open(page).logIn(a.email(), a.password());
        assertThat(clientsA.names()).doesNotContain(b.organization());
        ClientFormPage stolen = ClientFormPage.open(page, clientOfB.toString());
        assertThat(stolen.isNotFound()).isTrue();
        assertThat(stolen.visibleText()).doesNotContain(b.organization(), "Garage Moreau");
        String notFound = stolen.visibleText();

        // It looks exactly like a client that does not exist at all: nothing tells B's client exists.
        ClientFormPage missing = ClientFormPage.open(page, UUID.randomUUID().toString());
        assertThat(missing.isNotFound()).isTrue();
        assertThat(missing.visibleText()).isEqualTo(notFound);
    }
}
