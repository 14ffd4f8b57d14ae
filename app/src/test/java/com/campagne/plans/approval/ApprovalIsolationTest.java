package com.campagne.plans.approval;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.approval.ApprovalLinkService.ApprovalRefusedException;
import com.campagne.plans.approval.ApprovalLinkService.LinkNotFoundException;
import com.campagne.plans.approval.ApprovalLinkService.LinkStatus;
import com.campagne.plans.approval.ApprovalLinkService.PendingApproval;
import com.campagne.plans.approval.ApprovalTokens.Refusal;
import com.campagne.support.IntegrationTest;
import com.campagne.support.Mailbox;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.approval.ApprovalFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Approval links stay in their tenant: another agency can neither list nor revoke them by id, a token cannot
 * borrow another tenant's link, the table is closed to other tenants even in raw SQL, and a client viewer
 * sees in "À valider" only the plans of the clients granted to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalIsolationTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired MembershipRepository memberships;
    @Autowired ClientGrantRepository grants;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired ApprovalLinkService service;
    @Autowired ApprovalTokens tokens;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser viewerB;
    UUID tenantA;
    UUID tenantB;
    MediaPlan planB;
    MediaPlan hiddenPlanB;
    UUID linkB;
    String tokenB;

    @BeforeAll
    void twoAgencies() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = ApprovalFixture.owner(signup, accounts, transactions, users, clock, "Agence Alpha " + run);
        ownerB = ApprovalFixture.owner(signup, accounts, transactions, users, clock, "Agence Beta " + run);
        tenantA = ownerA.tenant().tenantId();
        tenantB = ownerB.tenant().tenantId();
        UUID clientB = ApprovalFixture.client(clients, ownerB, "Client vu " + run);
        UUID hiddenClientB = ApprovalFixture.client(clients, ownerB, "Client caché " + run);
        planB = ApprovalFixture.plan(campaigns, plans, ownerB, clientB, "Campagne de B", true);
        hiddenPlanB = ApprovalFixture.plan(campaigns, plans, ownerB, hiddenClientB, "Campagne cachée de B", true);
        ApprovalFixture.plan(campaigns, plans, ownerB, clientB, "Brouillon de B", false);
        viewerB = ApprovalFixture.viewer(accounts, transactions, users, memberships, grants, clock, tenantB, clientB);

        String email = "contact-b-" + run + "@client.test";
        as(ownerB, () -> service.send(planB.getId(), "Bea", email, 7));
        tokenB = tokenOf(Mailbox.waitFor(email, "Plan média à approuver").firstLink());
        linkB = as(ownerB, () -> service.list(planB.getId())).getFirst().id();
    }

    @Test
    void anotherTenantCannotSendListOrRevokeByIdAndItsPendingListIsItsOwn() {
        as(ownerA, () -> {
            assertThatThrownBy(() -> service.list(planB.getId())).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.revoke(linkB)).isInstanceOf(LinkNotFoundException.class);
            assertThatThrownBy(() -> service.send(planB.getId(), "Intrus", "intrus@alpha.test", 14))
                    .isInstanceOf(PlanNotFoundException.class);
            assertThat(service.canSend(planB.getId())).isFalse();
            assertThat(service.pending()).extracting(PendingApproval::planId)
                    .doesNotContain(planB.getId(), hiddenPlanB.getId());
        });
        assertThat(as(ownerB, () -> service.list(planB.getId()))).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.PENDING));
        assertThat(service.open(tokenB).usable()).isTrue();
    }

    @Test
    void aTokenCannotBorrowALinkOfAnotherTenantOrBeReSigned() {
        // Signed with the installation's key for tenant A, naming B's link: A's scope does not hold it.
        String borrowed = tokens.issue(tenantA, linkB, clock.instant().plus(Duration.ofDays(3)));
        assertThat(service.open(borrowed).refusal()).isEqualTo(Refusal.INVALID);
        assertThat(service.open(borrowed).agencyName()).isNull();
        assertThatThrownBy(() -> service.decide(borrowed, true, null)).isInstanceOfSatisfying(
                ApprovalRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.INVALID));
        // Even for the right tenant and link, only the token that was sent works (its hash is stored).
        String reSigned = tokens.issue(tenantB, linkB, clock.instant().plus(Duration.ofDays(3)));
        assertThat(service.open(reSigned).refusal()).isEqualTo(Refusal.INVALID);
        assertThatThrownBy(() -> service.decide(reSigned, true, null)).isInstanceOf(ApprovalRefusedException.class);
        assertThat(as(ownerB, () -> plans.find(planB.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.PROPOSED);
    }

    @Test
    void theAppRoleSeesNoApprovalLinkOfAnotherTenant() {
        assertThat(TenantSql.query(dataSource, tenantA, "select id from plan_approval_links where id = ?", linkB))
                .isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from plan_approval_links where plan_id = ?",
                planB.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from plan_approval_links")).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantB, "select id from plan_approval_links where id = ?", linkB))
                .hasSize(1);
    }

    @Test
    void aClientViewerSeesOnlyThePlansOfTheClientsGrantedAndCannotManageLinks() {
        assertThat(as(viewerB, () -> service.pending())).extracting(PendingApproval::campaignName)
                .containsExactly("Campagne de B");
        assertThat(as(ownerB, () -> service.pending())).extracting(PendingApproval::campaignName)
                .contains("Campagne de B", "Campagne cachée de B").doesNotContain("Brouillon de B");
        assertThatThrownBy(() -> as(viewerB, () -> service.list(planB.getId())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewerB, () -> service.revoke(linkB)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
