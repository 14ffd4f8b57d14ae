package com.campagne.plans.approval;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.PendingApprovalsPage;
import com.campagne.tenancy.InvitationService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/** "À valider": a client viewer finds there the plan their agency proposed; before that, a guiding empty state. */
class PendingApprovalsBrowserTest extends BrowserTest {

    @Autowired AccountUserDetailsService accounts;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired InvitationService invitations;

    @Test
    void aClientViewerSeesTheProposedPlanInToApprove() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser staff = accounts.loadUserByUsername(owner.email());
        String clientName = "Boulangerie Martin " + suffix;
        UUID client = ApprovalFixture.client(clients, staff, clientName);
        // A client of the agency the viewer is not granted: its plan stays out of their list.
        UUID otherClient = ApprovalFixture.client(clients, staff, "Garage Central " + suffix);

        // The client joins as a viewer of their own company only.
        String viewerEmail = uniqueEmail("paul.martin");
        as(staff, () -> invitations.invite(viewerEmail, Role.CLIENT_VIEWER, List.of(client), Locale.FRENCH));
        String invitation = Mailbox.waitFor(viewerEmail, "Invitation").firstLink();
        invitations.acceptAsNewUser(invitation.substring(invitation.indexOf("token=") + "token=".length()),
                "Paul Martin", PASSWORD, Locale.FRENCH);

        // Nothing proposed yet: the viewer is told what will appear here.
        ClientsPage viewerHome = LoginPage.open(page).logIn(viewerEmail, PASSWORD);
        assertThat(viewerHome.navigation()).contains("À valider");
        PendingApprovalsPage approvals = PendingApprovalsPage.fromNavigation(page, "À valider");
        assertThat(approvals.title()).isEqualTo("À valider");
        assertThat(approvals.isEmpty()).isTrue();
        assertThat(approvals.emptyStateText()).contains("Rien à valider pour l’instant",
                "Quand votre agence vous proposera un plan média");

        MediaPlan plan = ApprovalFixture.plan(campaigns, plans, staff, client, "Printemps gourmand", true);
        ApprovalFixture.plan(campaigns, plans, staff, client, "Brouillon en cours", false);
        ApprovalFixture.plan(campaigns, plans, staff, otherClient, "Vidange d’hiver", true);

        approvals = PendingApprovalsPage.open(page);
        assertThat(approvals.isEmpty()).isFalse();
        assertThat(approvals.cells()).contains(clientName, "Printemps gourmand", "v1", "2\u202f500,00\u00a0€",
                "Voir et décider").doesNotContain("Brouillon en cours", "Vidange d’hiver");
        assertThat(approvals.planLinks()).containsExactly("clients/" + client + "/campaigns/" + plan.getCampaignId()
                + "/plan?version=1");
        screenshot(page, "approvals-fr-portal");

        // The agency's own view lists both proposals still waiting for their clients.
        Page agency = newPage(DEFAULT_LOCALE);
        LoginPage.open(agency).logIn(owner.email(), owner.password());
        PendingApprovalsPage staffView = PendingApprovalsPage.open(agency);
        assertThat(staffView.cells()).contains("Printemps gourmand", "Vidange d’hiver", "Ouvrir le plan")
                .doesNotContain("Brouillon en cours");
    }
}
