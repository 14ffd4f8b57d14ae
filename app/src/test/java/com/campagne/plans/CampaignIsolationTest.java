package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignService.CampaignNotFoundException;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import javax.sql.DataSource;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.CampaignFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given tenant B's campaign and client ids, reads and changes nothing of B's campaigns or
 * their history, through the service and raw SQL as the application's role; a client viewer of B
 * sees only the proposed (and later) campaigns of the clients granted to them, and may only approve or
 * send back.
 * Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignIsolationTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accountsService;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired MembershipRepository memberships;
    @Autowired ClientGrantRepository grants;
    @Autowired java.time.Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService service;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser viewerB;
    UUID tenantA;
    UUID tenantB;
    UUID clientB;
    UUID hiddenClientB;
    UUID campaignB;
    UUID hiddenCampaignB;
    UUID draftB;

    @BeforeAll
    void twoTenants() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = CampaignFixture.owner(signup, accountsService, transactions, users, clock, TenantKind.AGENCY,
                "Agence Alpha " + run);
        ownerB = CampaignFixture.owner(signup, accountsService, transactions, users, clock, TenantKind.AGENCY,
                "Agence Beta " + run);
        tenantA = ownerA.tenant().tenantId();
        tenantB = ownerB.tenant().tenantId();
        clientB = as(ownerB, () -> clients.save(new Client("Client vu " + run))).getId();
        hiddenClientB = as(ownerB, () -> clients.save(new Client("Client caché " + run))).getId();
        campaignB = as(ownerB, () -> service.save(valid(service, clientB, "Campagne de B"))).getId();
        hiddenCampaignB = as(ownerB, () -> service.save(valid(service, hiddenClientB, "Campagne cachée"))).getId();
        draftB = as(ownerB, () -> service.save(valid(service, clientB, "Brouillon de B"))).getId();
        as(ownerB, () -> service.changeStatus(campaignB, CampaignStatus.PROPOSED, null));
        as(ownerB, () -> service.changeStatus(hiddenCampaignB, CampaignStatus.PROPOSED, null));

        // A client viewer of B, granted only the first client.
        String viewerEmail = "viewer-" + run + "@campaigns.test";
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(viewerEmail, "not a password hash", "Victor", "fr", clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenantB);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            Membership m = memberships.save(new Membership(users.findByEmail(viewerEmail).orElseThrow(),
                    Role.CLIENT_VIEWER, clock.instant()));
            grants.save(new ClientGrant(m.getId(), clientB));
        });
        viewerB = accountsService.loadUserByUsername(viewerEmail);
        assertThat(viewerB.tenant().role()).isEqualTo(Role.CLIENT_VIEWER);
    }

    @Test
    void anotherTenantCannotListFindUpdateOrMoveACampaign() {
        CampaignStatus before = as(ownerB, () -> service.find(campaignB)).orElseThrow().getStatus();
        int steps = as(ownerB, () -> service.history(campaignB)).size();
        as(ownerA, () -> {
            assertThatThrownBy(() -> service.list(clientB)).isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThat(service.find(campaignB)).isEmpty();
            assertThatThrownBy(() -> service.history(campaignB)).isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.changeStatus(campaignB, CampaignStatus.APPROVED, null))
                    .isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.draft(clientB)).isInstanceOf(ClientService.ClientNotFoundException.class);
        });
        // An update of B's campaign built from its id, sent by A: refused, B's campaign unchanged.
        Campaign fromB = as(ownerB, () -> service.find(campaignB)).orElseThrow();
        fromB.setName("Pris par A");
        assertThatThrownBy(() -> as(ownerA, () -> service.save(fromB)))
                .isInstanceOf(ClientService.ClientNotFoundException.class);
        Campaign after = as(ownerB, () -> service.find(campaignB)).orElseThrow();
        assertThat(after.getName()).isEqualTo("Campagne de B");
        assertThat(after.getStatus()).isEqualTo(before);
        assertThat(as(ownerB, () -> service.history(campaignB))).hasSize(steps);
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        assertThat(TenantSql.query(dataSource, tenantA, "select id from campaigns where id = ?", campaignB)).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA,
                "select id from campaign_status_changes where campaign_id = ?", campaignB)).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from campaigns")).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantB, "select id from campaigns where id = ?", campaignB)).hasSize(1);
        assertThat(TenantSql.query(dataSource, tenantB,
                "select id from campaign_status_changes where campaign_id = ?", campaignB)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aClientViewerSeesOnlyGrantedClientsAndMayOnlyApproveOrSendBack() {
        as(viewerB, () -> {
            assertThat(service.list(clientB)).extracting(Campaign::getId).containsExactly(campaignB);
            assertThatThrownBy(() -> service.list(hiddenClientB))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThat(service.find(hiddenCampaignB)).isEmpty();
            // The agency's drafts stay with the agency until proposed.
            assertThat(service.find(draftB)).isEmpty();
            assertThatThrownBy(() -> service.changeStatus(draftB, CampaignStatus.PROPOSED, null))
                    .isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.changeStatus(hiddenCampaignB, CampaignStatus.APPROVED, null))
                    .isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.draft(clientB)).isInstanceOf(AccessDeniedException.class);
            Campaign mine = service.find(campaignB).orElseThrow();
            mine.setName("Renommée par le client");
            assertThatThrownBy(() -> service.save(mine)).isInstanceOf(AccessDeniedException.class);
        });
        // The viewer approves, then cannot launch: that is the agency's step.
        as(viewerB, () -> service.changeStatus(campaignB, CampaignStatus.APPROVED, "OK pour nous"));
        assertThatThrownBy(() -> as(viewerB, () -> service.changeStatus(campaignB, CampaignStatus.LIVE, null)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.clientCannot"));
        var last = as(ownerB, () -> service.history(campaignB)).getLast();
        assertThat(last.getToStatus()).isEqualTo(CampaignStatus.APPROVED);
        assertThat(last.getChangedByName()).isEqualTo("Victor");
        assertThat(last.getComment()).isEqualTo("OK pour nous");
    }
}
