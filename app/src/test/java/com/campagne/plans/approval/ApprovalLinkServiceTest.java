package com.campagne.plans.approval;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.approval.ApprovalLinkService.ApprovalRefusedException;
import com.campagne.plans.approval.ApprovalLinkService.LinkStatus;
import com.campagne.plans.approval.ApprovalLinkService.Opening;
import com.campagne.plans.approval.ApprovalLinkService.SentLink;
import com.campagne.plans.approval.ApprovalTokens.Refusal;
import com.campagne.support.IntegrationTest;
import com.campagne.support.Mailbox;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.approval.ApprovalFixture.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Sending an approval link, the contact's read-only view and single decision, and every refused link. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalLinkServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired ApprovalLinkService service;
    @Autowired PlanApprovalLinkRepository linkRows;
    @Autowired AuditService audit;
    @Autowired DataSource dataSource;

    String agency;
    String clientName;
    CampagneUser owner;
    UUID client;

    @BeforeAll
    void agency() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        agency = "Agence Rivage " + run;
        owner = ApprovalFixture.owner(signup, accounts, transactions, users, clock, agency);
        clientName = "Boulangerie Martin " + run;
        client = ApprovalFixture.client(clients, owner, clientName);
    }

    MediaPlan proposed(String campaign) {
        return ApprovalFixture.plan(campaigns, plans, owner, client, campaign, true);
    }

    String send(MediaPlan plan, String contactEmail) {
        as(owner, () -> service.send(plan.getId(), "Marie Durand", contactEmail, null));
        return tokenOf(Mailbox.waitFor(contactEmail, "Plan média à approuver").firstLink());
    }

    static String contact() {
        return "marie-" + UUID.randomUUID().toString().substring(0, 8) + "@client.test";
    }

    @Test
    void theContactGetsAMailWithTheLinkOpensThePlanAndApprovesItOnce() {
        MediaPlan plan = proposed("Printemps gourmand");
        String email = contact();
        SentLink sent = as(owner, () -> service.send(plan.getId(), "Marie Durand", email, null));
        assertThat(sent.status()).isEqualTo(LinkStatus.PENDING);
        assertThat(sent.sentBy()).isEqualTo("Camille Test");
        assertThat(sent.expiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(14)), within(Duration.ofMinutes(1)));

        Mailbox.Mail mail = Mailbox.waitFor(email, "Plan média à approuver");
        assertThat(mail.subject()).isEqualTo("Plan média à approuver\u00a0: Printemps gourmand (" + clientName + ")");
        assertThat(mail.body()).contains("Bonjour Marie Durand,", agency, "«\u00a0Printemps gourmand\u00a0»", "v1",
                "2\u202f500,00\u00a0€", "aucun compte n’est nécessaire", "/approval/");
        String token = tokenOf(mail.firstLink());
        // The table keeps the token's hash, never the token.
        assertThat(TenantSql.query(dataSource, owner.tenant().tenantId(),
                "select token_hash from plan_approval_links where id = ?", sent.id()))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("token_hash")).isEqualTo(com.campagne.base.security.Tokens.hash(token));
                    assertThat(row.get("token_hash")).isNotEqualTo(token);
                });
        assertThat(as(owner, () -> audit.latest(0, 10))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.PLAN_APPROVAL_LINK_SENT);
            assertThat(e.getDetails()).contains(email);
            assertThat(e.getTarget()).contains("Printemps gourmand");
        });

        // Opened with no session at all: the read-only summary in the agency's language.
        Opening opening = service.open(token);
        assertThat(opening.usable()).isTrue();
        var summary = opening.summary();
        assertThat(summary.agencyName()).isEqualTo(agency);
        assertThat(summary.clientName()).isEqualTo(clientName);
        assertThat(summary.campaignName()).isEqualTo("Printemps gourmand");
        assertThat(summary.version()).isEqualTo("v1");
        assertThat(summary.start()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(summary.lines()).singleElement().satisfies(l -> {
            assertThat(l.channel()).isEqualTo(Channel.SOCIAL);
            assertThat(l.placement()).isEqualTo("Instagram Stories");
            assertThat(l.cost().amount()).isEqualByComparingTo("2500");
        });
        assertThat(summary.byChannel()).containsOnlyKeys("SOCIAL");
        assertThat(summary.grandTotal().amount()).isEqualByComparingTo("2500");
        assertThat(summary.budget().amount()).isEqualByComparingTo("12000");
        assertThat(summary.locale().getLanguage()).isEqualTo("fr");

        var decided = service.decide(token, true, "Parfait, allez-y");
        assertThat(decided.agencyName()).isEqualTo(agency);
        assertThat(decided.approved()).isTrue();

        MediaPlan after = as(owner, () -> plans.find(plan.getId())).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(after.getDecidedByName()).isEqualTo("Marie Durand <" + email + ">");
        assertThat(after.getDecisionComment()).isEqualTo("Parfait, allez-y");
        assertThat(as(owner, () -> campaigns.find(plan.getCampaignId())).orElseThrow().getStatus())
                .isEqualTo(CampaignStatus.APPROVED);
        assertThat(as(owner, () -> audit.latest(0, 10))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.PLAN_APPROVED);
            assertThat(e.getActorEmail()).isEqualTo(email);
            assertThat(e.getActorId()).isNull();
        });
        assertThat(as(owner, () -> service.list(plan.getId()))).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(LinkStatus.APPROVED);
            assertThat(l.comment()).isEqualTo("Parfait, allez-y");
        });

        // One use only.
        assertThat(service.open(token).refusal()).isEqualTo(Refusal.USED);
        assertThat(service.open(token).agencyName()).isEqualTo(agency);
        assertThatThrownBy(() -> service.decide(token, false, "Finalement non"))
                .isInstanceOfSatisfying(ApprovalRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Refusal.USED));
        assertThat(as(owner, () -> plans.find(plan.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void askingForChangesNeedsACommentAndSendsTheVersionBack() {
        MediaPlan plan = proposed("Soldes d’été");
        String token = send(plan, contact());

        assertThatThrownBy(() -> service.decide(token, false, "   "))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("comment", "campaigns.error.comment.required"));
        // Nothing happened: the link and the plan still wait.
        assertThat(service.open(token).usable()).isTrue();

        service.decide(token, false, "Moins de social, plus de radio");
        MediaPlan after = as(owner, () -> plans.find(plan.getId())).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(PlanStatus.REJECTED);
        assertThat(after.getDecisionComment()).isEqualTo("Moins de social, plus de radio");
        assertThat(as(owner, () -> campaigns.find(plan.getCampaignId())).orElseThrow().getStatus())
                .isEqualTo(CampaignStatus.DRAFT);
        assertThat(as(owner, () -> service.list(plan.getId()))).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.COMMENTED));
        assertThat(as(owner, () -> audit.latest(0, 10))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.PLAN_SENT_BACK);
            assertThat(e.getDetails()).contains("Moins de social, plus de radio");
        });
        assertThat(service.open(token).refusal()).isEqualTo(Refusal.USED);
    }

    @Test
    void anExpiredLinkIsRefused() {
        MediaPlan plan = proposed("Rentrée");
        String token = send(plan, contact());
        UUID linkId = as(owner, () -> service.list(plan.getId())).getFirst().id();
        // The token still says 14 days; the row, which has the last word, says yesterday.
        transactions.inScope(TenantContext.Scope.tenant(owner.tenant().tenantId()), () -> {
            PlanApprovalLink link = linkRows.findById(linkId).orElseThrow();
            link.setExpiresAt(Instant.now().minus(Duration.ofDays(1)));
        });
        assertThat(service.open(token).refusal()).isEqualTo(Refusal.EXPIRED);
        assertThatThrownBy(() -> service.decide(token, true, null)).isInstanceOfSatisfying(
                ApprovalRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.EXPIRED));
        assertThat(as(owner, () -> service.list(plan.getId()))).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.EXPIRED));
        assertThat(as(owner, () -> plans.find(plan.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.PROPOSED);
    }

    @Test
    void aRevokedLinkIsRefused() {
        MediaPlan plan = proposed("Noël");
        String email = contact();
        String token = send(plan, email);
        UUID linkId = as(owner, () -> service.list(plan.getId())).getFirst().id();
        as(owner, () -> service.revoke(linkId));
        assertThat(service.open(token).refusal()).isEqualTo(Refusal.REVOKED);
        assertThatThrownBy(() -> service.decide(token, true, null)).isInstanceOfSatisfying(
                ApprovalRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.REVOKED));
        assertThat(as(owner, () -> service.list(plan.getId()))).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LinkStatus.REVOKED));
        assertThat(as(owner, () -> audit.latest(0, 10))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.PLAN_APPROVAL_LINK_REVOKED);
            assertThat(e.getDetails()).isEqualTo(email);
        });
        assertThat(as(owner, () -> plans.find(plan.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.PROPOSED);
    }

    @Test
    void aLinkLapsesOnceItsVersionIsNoLongerProposed() {
        MediaPlan plan = proposed("Fête des mères");
        String token = send(plan, contact());
        // The client said yes on the phone: staff record it.
        as(owner, () -> plans.approve(plan.getId(), "Accord par téléphone"));
        assertThat(service.open(token).refusal()).isEqualTo(Refusal.PLAN_CHANGED);
        assertThatThrownBy(() -> service.decide(token, false, "Trop cher")).isInstanceOfSatisfying(
                ApprovalRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.PLAN_CHANGED));
        assertThat(as(owner, () -> plans.find(plan.getId())).orElseThrow().getStatus()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void noLinkForADraftAndEveryWrongFieldAtOnce() {
        MediaPlan draft = ApprovalFixture.plan(campaigns, plans, owner, client, "Brouillon", false);
        assertThatThrownBy(() -> as(owner, () -> service.send(draft.getId(), "Marie", contact(), 14)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry(null, "approval.error.notProposed").hasSize(1));
        assertThat(as(owner, () -> service.canSend(draft.getId()))).isFalse();
        assertThat(as(owner, () -> service.list(draft.getId()))).isEmpty();

        MediaPlan plan = proposed("Champs faux");
        assertThat(as(owner, () -> service.canSend(plan.getId()))).isTrue();
        assertThatThrownBy(() -> as(owner, () -> service.send(plan.getId(), "M".repeat(201), "pas-une-adresse", 45)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.errors())
                        .containsEntry("contactName", "approval.error.name.size")
                        .containsEntry("contactEmail", "approval.error.email.invalid")
                        .containsEntry("validityDays", "approval.error.validity.range")
                        .doesNotContainKey(null));
        assertThatThrownBy(() -> as(owner, () -> service.send(plan.getId(), null, "marie@localhost", 0)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("contactEmail", "validityDays"));
        // Nothing was stored.
        assertThat(as(owner, () -> service.list(plan.getId()))).isEmpty();
    }

    @Test
    void anEnglishSpeakingAgencyWritesToItsClientInEnglish() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        CampagneUser english = ApprovalFixture.owner(signup, accounts, transactions, users, clock,
                "Shoreline Agency " + run, java.util.Locale.ENGLISH);
        UUID bakery = ApprovalFixture.client(clients, english, "Martin Bakery " + run);
        MediaPlan plan = ApprovalFixture.plan(campaigns, plans, english, bakery, "Spring treats", true);
        String email = contact();
        as(english, () -> service.send(plan.getId(), null, email, 3));
        Mailbox.Mail mail = Mailbox.waitFor(email, "Media plan to approve");
        assertThat(mail.subject()).isEqualTo("Media plan to approve: Spring treats (Martin Bakery " + run + ")");
        assertThat(mail.body()).startsWith("Hello,").contains("“Spring treats”", "€2,500.00", "no account is needed");
        Opening opening = service.open(tokenOf(mail.firstLink()));
        assertThat(opening.locale().getLanguage()).isEqualTo("en");
        assertThat(opening.summary().contactName()).isNull();
    }
}
