package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignService.CampaignNotFoundException;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.CampaignFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given tenant B's plan and line ids, can neither read nor change B's media plans, through the
 * service and raw SQL as the application's role. Re-run by CI against an external PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaPlanIsolationTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService service;
    @Autowired SyncedCampaignLookup synced;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    UUID tenantA;
    UUID tenantB;
    UUID clientB;
    UUID campaignB;
    UUID planB;
    UUID proposedB;
    UUID lineB;

    @BeforeAll
    void twoTenants() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY, "Agence Alpha " + run);
        ownerB = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY, "Agence Beta " + run);
        tenantA = ownerA.tenant().tenantId();
        tenantB = ownerB.tenant().tenantId();
        clientB = as(ownerB, () -> clients.save(new Client("Client de B " + run))).getId();
        campaignB = as(ownerB, () -> campaigns.save(valid(campaigns, clientB, "Campagne de B"))).getId();
        planB = as(ownerB, () -> service.latestOrCreate(campaignB)).getId();
        lineB = as(ownerB, () -> service.saveLine(MediaPlanServiceTest.cpmLine(service, planB, "Accueil"))).getId();
        proposedB = as(ownerB, () -> service.newVersion(planB, "proposée")).getId();
        as(ownerB, () -> service.propose(proposedB));
    }

    @Test
    void anotherTenantCannotFindViewEditDeleteCompareOrDecide() {
        as(ownerA, () -> {
            assertThat(service.find(planB)).isEmpty();
            assertThat(service.findLine(lineB)).isEmpty();
            assertThatThrownBy(() -> service.versions(campaignB)).isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.latestOrCreate(campaignB)).isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> service.view(planB)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.newLine(planB)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.deleteLine(lineB)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.moveLine(lineB, 0)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.saveSettings(planB, "pris", FeeKind.FLAT, BigDecimal.TEN, null))
                    .isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.newVersion(planB, "copie")).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.compare(planB, proposedB)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.propose(planB)).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.approve(proposedB, "oui")).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.sendBack(proposedB, "non")).isInstanceOf(PlanNotFoundException.class);
            assertThat(synced.forClient(clientB, Locale.FRENCH)).isEmpty();
        });
        // A line of A's own plan pointed at B's plan id: refused as not found.
        UUID clientA = as(ownerA, () -> clients.save(new Client("Client de A"))).getId();
        UUID campaignA = as(ownerA, () -> campaigns.save(valid(campaigns, clientA, "Campagne de A"))).getId();
        UUID planA = as(ownerA, () -> service.latestOrCreate(campaignA)).getId();
        PlanLineItem forged = as(ownerA, () -> MediaPlanServiceTest.cpmLine(service, planA, "Volée"));
        PlanLineItem intoB = new PlanLineItem(planB);
        intoB.setChannel(forged.getChannel());
        intoB.setBuyingModel(forged.getBuyingModel());
        intoB.setRateCardPrice(forged.getRateCardPrice());
        intoB.setVolume(forged.getVolume());
        intoB.setStartDate(forged.getStartDate());
        intoB.setEndDate(forged.getEndDate());
        assertThatThrownBy(() -> as(ownerA, () -> service.saveLine(intoB))).isInstanceOf(PlanNotFoundException.class);
        assertThatThrownBy(() -> as(ownerA, () -> service.compare(planA, planB))).isInstanceOf(PlanNotFoundException.class);

        // B's plan is untouched.
        var view = as(ownerB, () -> service.view(planB));
        assertThat(view.lines()).singleElement().satisfies(l -> assertThat(l.getPlacement()).isEqualTo("Accueil"));
        assertThat(view.plan().getLabel()).isNull();
        assertThat(as(ownerB, () -> service.find(proposedB)).orElseThrow().getStatus()).isEqualTo(PlanStatus.PROPOSED);
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        assertThat(TenantSql.query(dataSource, tenantA, "select id from media_plans where campaign_id = ?", campaignB)).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from plan_line_items where plan_id in (?, ?)",
                planB, proposedB)).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from media_plans")).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from plan_line_items")).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantB, "select id from media_plans where campaign_id = ?", campaignB)).hasSize(2);
        assertThat(TenantSql.query(dataSource, tenantB, "select id from plan_line_items where plan_id in (?, ?)",
                planB, proposedB)).hasSize(2);
    }
}
