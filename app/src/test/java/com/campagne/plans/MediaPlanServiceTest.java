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
import com.campagne.plans.MediaPlanService.Change;
import com.campagne.plans.MediaPlanService.ComparedLine;
import com.campagne.plans.MediaPlanService.PlanComparison;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorKind;
import com.campagne.plans.vendors.VendorService;
import com.campagne.support.IntegrationTest;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.CampaignFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions of a media plan, its lines and their cost, the proposal, the client's decision, the comparison. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaPlanServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired MembershipRepository memberships;
    @Autowired ClientGrantRepository grants;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService service;
    @Autowired VendorService vendors;

    CampagneUser owner;
    CampagneUser viewer;
    UUID client;

    @BeforeAll
    void agencyAndClientViewer() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        owner = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence Plans " + run);
        client = as(owner, () -> clients.save(new Client("Boulangerie Martin " + run))).getId();
        viewer = viewerOf(owner, client, "viewer-" + run + "@plans.test", accounts, transactions, users, memberships,
                grants, clock);
    }

    /** A client viewer of the owner's organisation, granted one client. */
    static CampagneUser viewerOf(CampagneUser owner, UUID client, String email, AccountUserDetailsService accounts,
                                 TenantTransactions transactions, UserRepository users, MembershipRepository memberships,
                                 ClientGrantRepository grants, Clock clock) {
        UUID tenant = owner.tenant().tenantId();
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(email, "not a password hash", "Victor", "fr", clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenant);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> {
            Membership m = memberships.save(new Membership(users.findByEmail(email).orElseThrow(),
                    Role.CLIENT_VIEWER, clock.instant()));
            grants.save(new ClientGrant(m.getId(), client));
        });
        return accounts.loadUserByUsername(email);
    }

    /** A CPM line: 10 € the thousand, -20 % then -10 %, 150 000 impressions. */
    static PlanLineItem cpmLine(MediaPlanService service, UUID planId, String placement) {
        PlanLineItem line = service.newLine(planId);
        line.setChannel(Channel.DISPLAY);
        line.setPlacement(placement);
        line.setFormat("Medium rectangle 300×250");
        line.setBuyingModel(BuyingModel.CPM);
        line.setRateCardPrice(new BigDecimal("10"));
        line.setDiscounts(List.of(new BigDecimal("20"), new BigDecimal("10")));
        line.setVolume(new BigDecimal("150000"));
        return line;
    }

    private UUID campaign(String name) {
        return as(owner, () -> campaigns.save(valid(campaigns, client, name))).getId();
    }

    @Test
    void anArchivedVendorStaysOnItsLinesButIsNotPickedAgain() {
        UUID planCampaign = campaign("Supports archivés");
        MediaPlan plan = as(owner, () -> service.latestOrCreate(planCampaign));
        Vendor vendor = as(owner, () -> vendors.save(new Vendor("Régie Ouest " + UUID.randomUUID(), VendorKind.REGIE,
                clock.instant())));
        PlanLineItem line = as(owner, () -> cpmLine(service, plan.getId(), "Accueil"));
        line.setVendorId(vendor.getId());
        PlanLineItem saved = as(owner, () -> service.saveLine(line));
        as(owner, () -> vendors.archive(vendor.getId()));

        // The line that already had it keeps it through an edit of something else…
        saved.setPlacement("Accueil et rubriques");
        assertThat(as(owner, () -> service.saveLine(saved)).getVendorId()).isEqualTo(vendor.getId());
        // …but a new line cannot pick it, and the message says what to do.
        PlanLineItem another = as(owner, () -> cpmLine(service, plan.getId(), "Rubrique sport"));
        another.setVendorId(vendor.getId());
        assertThatThrownBy(() -> as(owner, () -> service.saveLine(another)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.errors())
                        .containsEntry("vendor", "plans.error.vendor.archived"));
    }

    @Test
    void aLineCostIsComputedFromPriceCascadeAndVolume() {
        UUID planCampaign = campaign("Coût");
        MediaPlan plan = as(owner, () -> service.latestOrCreate(planCampaign));
        assertThat(plan.getNumber()).isEqualTo(1);
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
        PlanLineItem saved = as(owner, () -> service.saveLine(cpmLine(service, plan.getId(), "Accueil")));
        // 10 € × 0.8 × 0.9 = 7.20 € the thousand, × 150 = 1 080.00 €; the impressions follow from the volume.
        assertThat(saved.getCost()).isEqualByComparingTo("1080.00");
        assertThat(saved.getPlannedImpressions()).isEqualByComparingTo("150000");
        assertThat(saved.getPosition()).isEqualTo(1);
        var view = as(owner, () -> service.view(plan.getId()));
        assertThat(view.totals().mediaCost().amount()).isEqualByComparingTo("1080.00");
        assertThat(view.totals().remainingBudget().amount()).isEqualByComparingTo("11420.50");
        // The same plan is found again rather than a second v1.
        assertThat(as(owner, () -> service.latestOrCreate(plan.getCampaignId())).getId()).isEqualTo(plan.getId());
    }

    @Test
    void everyInvalidFieldOfALineIsReportedAtOnce() {
        UUID planCampaign = campaign("Erreurs");
        MediaPlan plan = as(owner, () -> service.latestOrCreate(planCampaign));
        PlanLineItem line = as(owner, () -> service.newLine(plan.getId()));
        line.setBuyingModel(BuyingModel.CPC);
        line.setRateCardPrice(new BigDecimal("-1"));
        line.setDiscounts(List.of(new BigDecimal("120")));
        line.setPlannedClicks(new BigDecimal("10.5"));
        line.setStartDate(LocalDate.of(2027, 2, 1));
        line.setEndDate(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> as(owner, () -> service.saveLine(line)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.errors())
                        .containsEntry("channel", "plans.error.channel.required")
                        .containsEntry("rateCardPrice", "plans.error.price.invalid")
                        .containsEntry("discounts", "plans.error.discounts.invalid")
                        .containsEntry("volume", "plans.error.volume.required")
                        .containsEntry("plannedClicks", "plans.error.kpi.invalid")
                        .containsEntry("startDate", "plans.error.flight.outside")
                        .containsEntry("endDate", "plans.error.endDate.beforeStart"));
        assertThat(as(owner, () -> service.view(plan.getId())).lines()).isEmpty();
    }

    @Test
    void aNewVersionCopiesTheLinesAndRemembersWhereEachCameFrom() {
        UUID v1Campaign = campaign("Versions");
        MediaPlan v1 = as(owner, () -> service.latestOrCreate(v1Campaign));
        PlanLineItem first = as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Accueil")));
        as(owner, () -> service.saveSettings(v1.getId(), "initiale", FeeKind.PERCENT, new BigDecimal("15"), "Note"));
        MediaPlan v2 = as(owner, () -> service.newVersion(v1.getId(), "négociée"));
        assertThat(v2.getNumber()).isEqualTo(2);
        assertThat(v2.displayName()).isEqualTo("v2 — négociée");
        assertThat(v2.getBasedOnId()).isEqualTo(v1.getId());
        assertThat(v2.getFeeKind()).isEqualTo(FeeKind.PERCENT);
        var copied = as(owner, () -> service.view(v2.getId())).lines();
        assertThat(copied).singleElement().satisfies(l -> {
            assertThat(l.getOriginId()).isEqualTo(first.getId());
            assertThat(l.getCost()).isEqualByComparingTo("1080.00");
            assertThat(l.getPlacement()).isEqualTo("Accueil");
        });
        // 1 080 € of media + 15 % = 1 242 €.
        assertThat(as(owner, () -> service.view(v2.getId())).totals().grandTotal().amount()).isEqualByComparingTo("1242.00");
        assertThat(as(owner, () -> service.versions(v1.getCampaignId()))).extracting(MediaPlan::getNumber)
                .containsExactly(1, 2);
    }

    @Test
    void proposingThenApprovingLocksTheVersionSupersedesTheOthersAndApprovesTheCampaign() {
        UUID campaignId = campaign("Approbation");
        MediaPlan v1 = as(owner, () -> service.latestOrCreate(campaignId));
        assertThatThrownBy(() -> as(owner, () -> service.propose(v1.getId())))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("plans.error.propose.empty"));
        as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Accueil")));
        MediaPlan v2 = as(owner, () -> service.newVersion(v1.getId(), "bis"));
        as(owner, () -> service.propose(v1.getId()));
        assertThat(as(owner, () -> campaigns.find(campaignId)).orElseThrow().getStatus()).isEqualTo(CampaignStatus.PROPOSED);
        as(owner, () -> service.propose(v2.getId()));
        // A proposed version can no longer change.
        assertThatThrownBy(() -> as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Encore"))))
                .isInstanceOf(CampaignException.class);

        MediaPlan approved = as(viewer, () -> service.approve(v2.getId(), "Parfait"));
        assertThat(approved.getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.getDecidedByName()).isEqualTo("Victor");
        assertThat(approved.isLocked()).isTrue();
        assertThat(as(owner, () -> service.find(v1.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThat(as(owner, () -> campaigns.find(campaignId)).orElseThrow().getStatus()).isEqualTo(CampaignStatus.APPROVED);

        // Locked: no new line, no change, no deletion, no settings.
        PlanLineItem locked = as(owner, () -> service.view(v2.getId())).lines().getFirst();
        locked.setPlacement("Changée");
        assertThatThrownBy(() -> as(owner, () -> service.saveLine(locked)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("plans.error.locked.approved"));
        assertThatThrownBy(() -> as(owner, () -> service.newLine(v2.getId()))).isInstanceOf(CampaignException.class);
        assertThatThrownBy(() -> as(owner, () -> service.deleteLine(locked.getId()))).isInstanceOf(CampaignException.class);
        assertThatThrownBy(() -> as(owner, () -> service.saveSettings(v2.getId(), "x", FeeKind.NONE, null, null)))
                .isInstanceOf(CampaignException.class);
        assertThat(as(owner, () -> service.view(v2.getId())).lines().getFirst().getPlacement()).isEqualTo("Accueil");
        // A change after approval is a new version, copied from the approved one.
        MediaPlan v3 = as(owner, () -> service.newVersion(v2.getId(), "avenant"));
        assertThat(v3.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(as(owner, () -> service.view(v3.getId())).lines()).hasSize(1);
    }

    @Test
    void sendingBackNeedsACommentAndReturnsTheCampaignToDraft() {
        UUID campaignId = campaign("Renvoi");
        MediaPlan v1 = as(owner, () -> service.latestOrCreate(campaignId));
        as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Accueil")));
        as(owner, () -> service.propose(v1.getId()));
        assertThatThrownBy(() -> as(viewer, () -> service.sendBack(v1.getId(), "  ")))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("comment", "campaigns.error.comment.required"));
        assertThat(as(owner, () -> service.find(v1.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.PROPOSED);
        MediaPlan back = as(viewer, () -> service.sendBack(v1.getId(), "Trop cher en display"));
        assertThat(back.getStatus()).isEqualTo(PlanStatus.REJECTED);
        assertThat(back.getDecisionComment()).isEqualTo("Trop cher en display");
        assertThat(as(owner, () -> campaigns.find(campaignId)).orElseThrow().getStatus()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void aClientViewerSeesOnlyProposedVersionsNeverDrafts() {
        UUID campaignId = campaign("Visibilité");
        MediaPlan v1 = as(owner, () -> service.latestOrCreate(campaignId));
        as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Accueil")));
        MediaPlan draft = as(owner, () -> service.newVersion(v1.getId(), "brouillon"));
        as(owner, () -> service.propose(v1.getId()));
        as(viewer, () -> {
            assertThat(service.versions(campaignId)).extracting(MediaPlan::getId).containsExactly(v1.getId());
            assertThat(service.find(draft.getId())).isEmpty();
            assertThatThrownBy(() -> service.view(draft.getId())).isInstanceOf(PlanNotFoundException.class);
            assertThatThrownBy(() -> service.compare(v1.getId(), draft.getId())).isInstanceOf(PlanNotFoundException.class);
            assertThat(service.view(v1.getId()).lines()).hasSize(1);
        });
    }

    @Test
    void comparingMatchesLinesAcrossVersions() {
        UUID campaignId = campaign("Comparaison");
        MediaPlan v1 = as(owner, () -> service.latestOrCreate(campaignId));
        PlanLineItem kept = as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Accueil")));
        PlanLineItem renamed = as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Sport")));
        PlanLineItem dropped = as(owner, () -> service.saveLine(cpmLine(service, v1.getId(), "Météo")));
        MediaPlan v2 = as(owner, () -> service.newVersion(v1.getId(), null));
        MediaPlan v3 = as(owner, () -> service.newVersion(v2.getId(), "finale"));
        as(owner, () -> {
            List<PlanLineItem> lines = service.view(v3.getId()).lines();
            PlanLineItem sport = lines.stream().filter(l -> "Sport".equals(l.getPlacement())).findFirst().orElseThrow();
            sport.setPlacement("Sport et loisirs");
            sport.setVolume(new BigDecimal("200000"));
            service.saveLine(sport);
            service.deleteLine(lines.stream().filter(l -> "Météo".equals(l.getPlacement())).findFirst().orElseThrow().getId());
            service.saveLine(cpmLine(service, v3.getId(), "Nouvelle rubrique"));
        });
        PlanComparison comparison = as(owner, () -> service.compare(v3.getId(), v1.getId()));
        assertThat(comparison.older().plan().getId()).isEqualTo(v1.getId());
        List<ComparedLine> lines = comparison.lines();
        assertThat(lines).extracting(ComparedLine::change)
                .containsExactlyInAnyOrder(Change.SAME, Change.CHANGED, Change.REMOVED, Change.ADDED);
        ComparedLine changed = lines.stream().filter(c -> c.change() == Change.CHANGED).findFirst().orElseThrow();
        assertThat(changed.older().getId()).isEqualTo(renamed.getId());
        assertThat(changed.changedFields()).containsExactlyInAnyOrder("placement", "volume", "cost");
        assertThat(lines.stream().filter(c -> c.change() == Change.SAME).findFirst().orElseThrow().older().getId())
                .isEqualTo(kept.getId());
        assertThat(lines.stream().filter(c -> c.change() == Change.REMOVED).findFirst().orElseThrow().older().getId())
                .isEqualTo(dropped.getId());
        // v1: 3 × 1 080; v3: 1 080 + 1 440 + 1 080 → +360 €.
        assertThat(comparison.difference().amount()).isEqualByComparingTo("360.00");
    }

    @Test
    void linesMoveAndAreDeleted() {
        UUID planCampaign = campaign("Ordre");
        MediaPlan plan = as(owner, () -> service.latestOrCreate(planCampaign));
        PlanLineItem a = as(owner, () -> service.saveLine(cpmLine(service, plan.getId(), "A")));
        as(owner, () -> service.saveLine(cpmLine(service, plan.getId(), "B")));
        as(owner, () -> service.saveLine(cpmLine(service, plan.getId(), "C")));
        as(owner, () -> service.moveLine(a.getId(), 2));
        assertThat(as(owner, () -> service.view(plan.getId())).lines()).extracting(PlanLineItem::getPlacement)
                .containsExactly("B", "C", "A");
        as(owner, () -> service.deleteLine(a.getId()));
        assertThat(as(owner, () -> service.view(plan.getId())).lines()).extracting(PlanLineItem::getPlacement)
                .containsExactly("B", "C");
        assertThat(as(owner, () -> service.findLine(a.getId()))).isEmpty();
    }
}
