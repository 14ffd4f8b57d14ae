package com.campagne.tenancy;

import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.InvitationPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MembersPage;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of one organisation invited into a second: accepts with their own password, switches
 * between the two, sees each one's clients only; removed from the second, their session there ends.
 */
class TwoOrganisationsBrowserTest extends BrowserTest {

    @Test
    void anExistingUserJoinsASecondOrganisationSwitchesAndIsCutOffWhenRemoved() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account camille = signedUpOwner(TenantKind.BUSINESS, "Librairie Camille " + suffix, "Camille Roux", Locale.FRENCH);
        Account agency = signedUpOwner(TenantKind.AGENCY, "Agence Sirocco " + suffix, "Nadia Benali", Locale.FRENCH);

        // The agency adds a client and invites Camille, who already has an account, as a media manager.
        Page agencyPage = newPage(DEFAULT_LOCALE);
        LoginPage.open(agencyPage).logIn(agency.email(), agency.password())
                .add().name("Brasserie du Port " + suffix).save();
        MembersPage.open(agencyPage).invite().email(camille.email()).role("Chef de projet média").send();

        String link = Mailbox.waitFor(camille.email(), "Invitation").firstLink();
        InvitationPage invitation = InvitationPage.follow(page, link);
        assertThat(invitation.text()).contains(agency.organization());
        ClientsPage clients = invitation.acceptAsExistingUser(camille.password())
                .logIn(camille.email(), camille.password());

        // She lands in the organisation she joined last, and can switch between her two.
        assertThat(clients.names()).containsExactly("Brasserie du Port " + suffix);
        assertThat(clients.tenantChoices()).hasSize(2)
                .anySatisfy(c -> assertThat(c).startsWith(camille.organization()))
                .anySatisfy(c -> assertThat(c).startsWith(agency.organization()));
        assertThat(clients.currentTenantChoice()).startsWith(agency.organization());

        ClientsPage own = clients.switchTenant(camille.organization());
        assertThat(own.currentTenantChoice()).startsWith(camille.organization());
        assertThat(own.names()).containsExactly(camille.organization())
                .doesNotContain("Brasserie du Port " + suffix);

        ClientsPage back = own.switchTenant(agency.organization());
        assertThat(back.names()).containsExactly("Brasserie du Port " + suffix);

        // The agency removes her: her open session ends at once, back to the login page.
        MembersPage members = MembersPage.open(agencyPage);
        assertThat(members.memberCount()).isEqualTo(2);
        members.remove(camille.email());
        assertThat(members.memberCount()).isEqualTo(1);
        page.navigate(baseUrl() + "/clients");
        LoginPage.current(page);

        // Logging in again, only her own organisation is left.
        ClientsPage after = LoginPage.open(page).logIn(camille.email(), camille.password());
        assertThat(after.tenantChoices()).isEmpty();
        assertThat(after.tenantName()).isEqualTo(camille.organization());
    }
}
