package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import com.campagne.support.DemoConnections;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan line is linked to a campaign a connection really discovered (here the bundled demo connector, synced
 * through the engine), and only to such a campaign of the same client: that link is what plan-versus-actual
 * joins on.
 */
class LinkToRealityTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired SyncedCampaignLookup synced;
    @Autowired ConnectionService connections;
    @Autowired ConnectorCatalog catalog;

    @Test
    void aLineIsLinkedToACampaignTheClientsConnectionDiscoveredAndToNothingElse() throws Exception {
        CampagneUser owner = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence Réalité " + UUID.randomUUID().toString().substring(0, 6));
        UUID client = as(owner, () -> clients.save(new Client("Boulangerie Martin"))).getId();
        UUID otherClient = as(owner, () -> clients.save(new Client("Garage Central"))).getId();

        // The demo connection of the client, synced once by the engine.
        Connection connection = DemoConnections.synced(owner, client, connections, catalog);
        List<SyncedCampaign> discovered = as(owner, () -> synced.forClient(client, Locale.FRENCH));
        assertThat(discovered).isNotEmpty().allSatisfy(s -> assertThat(s.connectionId()).isEqualTo(connection.getId()));
        // Another client of the same agency has no connection: nothing to link there.
        assertThat(as(owner, () -> synced.forClient(otherClient, Locale.FRENCH))).isEmpty();

        SyncedCampaign target = discovered.getFirst();
        UUID campaignId = as(owner, () -> campaigns.save(CampaignFixture.valid(campaigns, client, "Printemps"))).getId();
        MediaPlan plan = as(owner, () -> plans.latestOrCreate(campaignId));
        PlanLineItem line = as(owner, () -> MediaPlanServiceTest.cpmLine(plans, plan.getId(), "Accueil"));
        line.linkSyncedCampaign(target.connectionId(), target.accountId(), target.campaignId());
        PlanLineItem saved = as(owner, () -> plans.saveLine(line));
        assertThat(saved.getSyncedCampaignId()).isEqualTo(target.campaignId());
        assertThat(SyncedCampaignLookup.linkedTo(saved, discovered)).contains(target);
        // A new version keeps the link, so the comparison with actuals survives the negotiation.
        MediaPlan v2 = as(owner, () -> plans.newVersion(plan.getId(), "négociée"));
        assertThat(as(owner, () -> plans.view(v2.getId())).lines()).singleElement()
                .satisfies(l -> assertThat(l.getSyncedCampaignId()).isEqualTo(target.campaignId()));

        // A campaign id no connection of this client found is refused under the field.
        PlanLineItem invented = as(owner, () -> MediaPlanServiceTest.cpmLine(plans, v2.getId(), "Rubrique"));
        invented.linkSyncedCampaign(target.connectionId(), target.accountId(), "999999999");
        assertThatThrownBy(() -> as(owner, () -> plans.saveLine(invented)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("syncedCampaign", "plans.error.syncedCampaign.unknown"));
        // So is a real campaign of the right connection used on another client's plan.
        UUID otherCampaign = as(owner, () -> campaigns.save(CampaignFixture.valid(campaigns, otherClient, "Vidange")))
                .getId();
        MediaPlan otherPlan = as(owner, () -> plans.latestOrCreate(otherCampaign));
        PlanLineItem elsewhere = as(owner, () -> MediaPlanServiceTest.cpmLine(plans, otherPlan.getId(), "Accueil"));
        elsewhere.linkSyncedCampaign(target.connectionId(), target.accountId(), target.campaignId());
        assertThatThrownBy(() -> as(owner, () -> plans.saveLine(elsewhere)))
                .isInstanceOf(CampaignException.class);
    }
}
