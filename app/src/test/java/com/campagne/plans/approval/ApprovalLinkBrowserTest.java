package com.campagne.plans.approval;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanStatus;
import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ApprovalPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client contact without an account follows the approval e-mail in a browser with no session: reads the
 * plan in the agency's colours, approves it or asks for changes (a comment needed), once; a link that cannot
 * serve says what to do.
 */
class ApprovalLinkBrowserTest extends BrowserTest {

    @Autowired AccountUserDetailsService accounts;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired ApprovalLinkService approvals;

    record Sent(String agency, String client, CampagneUser staff, MediaPlan plan, String path) {
    }

    /** An agency proposes a plan and e-mails a link for it; the path of the mail's link. */
    Sent proposedAndSent(String campaign) {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser staff = accounts.loadUserByUsername(owner.email());
        String clientName = "Boulangerie Martin " + suffix;
        UUID client = ApprovalFixture.client(clients, staff, clientName);
        MediaPlan plan = ApprovalFixture.plan(campaigns, plans, staff, client, campaign, true);
        String email = uniqueEmail("marie.durand");
        as(staff, () -> approvals.send(plan.getId(), "Marie Durand", email, 14));
        String link = Mailbox.waitFor(email, "Plan média à approuver").firstLink();
        // The mail's address is the configured one; the test server listens elsewhere.
        return new Sent(owner.organization(), clientName, staff, plan, URI.create(link).getRawPath());
    }

    PlanStatus statusOf(Sent sent) {
        return as(sent.staff(), () -> plans.find(sent.plan().getId())).orElseThrow().getStatus();
    }

    @Test
    void theContactApprovesThePlanFromTheMailWithoutAnAccount() {
        Sent sent = proposedAndSent("Printemps gourmand");
        ApprovalPage approval = ApprovalPage.follow(page, sent.path());
        assertThat(approval.agency()).isEqualTo(sent.agency());
        assertThat(approval.heading()).isEqualTo("Plan média à approuver");
        assertThat(approval.intro()).contains(sent.agency() + " vous propose le plan média ci-dessous",
                "aucun compte n’est nécessaire");
        assertThat(approval.facts()).contains(sent.client(), "Printemps gourmand", "du 1 mars 2027 au 31 mars 2027",
                "v1");
        assertThat(String.join("|", approval.lines())).contains("Social (SMA)", "Instagram Stories", "Vidéo 15 s",
                "2\u202f500,00\u00a0€");
        assertThat(approval.grandTotal()).contains("Total général", "2\u202f500,00\u00a0€");
        assertThat(approval.totals()).contains("Budget de la campagne", "12\u202f000,00\u00a0€",
                "Reste sur le budget", "9\u202f500,00\u00a0€");
        assertThat(approval.visibleText()).doesNotContain("Connexion", "Se connecter");
        screenshot(page, "approval-fr-link");

        approval.approve();
        assertThat(approval.confirmation()).isEqualTo("Merci, votre décision a été transmise à " + sent.agency());
        assertThat(approval.confirmationText()).contains("Vous avez approuvé la version v1",
                "«\u00a0Printemps gourmand\u00a0»");
        screenshot(page, "approval-fr-done");
        assertThat(statusOf(sent)).isEqualTo(PlanStatus.APPROVED);

        // The link served once: opened again, it says so.
        approval = ApprovalPage.follow(page, sent.path());
        assertThat(approval.refusal()).isEqualTo("Ce lien a déjà servi\u00a0: votre décision sur ce plan a bien été transmise.");
        assertThat(approval.refusalNextStep()).isEqualTo("Pour revenir sur votre décision, contactez votre agence.");
        assertThat(approval.canDecide()).isFalse();
    }

    @Test
    void askingForChangesNeedsACommentUnderTheField() {
        Sent sent = proposedAndSent("Soldes d’été");
        ApprovalPage approval = ApprovalPage.follow(page, sent.path());
        approval.requestChanges();
        assertThat(approval.commentError()).isEqualTo("Expliquez en quelques mots ce qu’il faut changer.");
        assertThat(approval.confirmation()).isEmpty();
        assertThat(statusOf(sent)).isEqualTo(PlanStatus.PROPOSED);
        screenshot(page, "approval-fr-comment-required");

        approval.comment("Moins de social, plus de radio locale").requestChanges();
        assertThat(approval.confirmation()).isEqualTo("Merci, votre décision a été transmise à " + sent.agency());
        assertThat(approval.confirmationText()).contains("Vos demandes de modifications sur la version v1",
                sent.agency() + " vous enverra une nouvelle version");
        assertThat(statusOf(sent)).isEqualTo(PlanStatus.REJECTED);
        assertThat(as(sent.staff(), () -> approvals.list(sent.plan().getId()))).singleElement()
                .satisfies(l -> assertThat(l.comment()).isEqualTo("Moins de social, plus de radio locale"));
    }

    @Test
    void aRevokedOrGarbledLinkSaysToAskForANewOne() {
        Sent sent = proposedAndSent("Rentrée");
        UUID link = as(sent.staff(), () -> approvals.list(sent.plan().getId())).getFirst().id();
        as(sent.staff(), () -> approvals.revoke(link));
        ApprovalPage approval = ApprovalPage.follow(page, sent.path());
        assertThat(approval.heading()).isEqualTo("Ce lien ne peut plus servir");
        assertThat(approval.refusal()).isEqualTo("Ce lien a été annulé par l’agence.");
        assertThat(approval.refusalNextStep()).isEqualTo("Demandez un nouveau lien à votre agence.");
        assertThat(approval.agency()).isEqualTo(sent.agency());
        screenshot(page, "approval-fr-revoked");

        approval = ApprovalPage.follow(page, sent.path().substring(0, sent.path().length() - 3) + "abc");
        assertThat(approval.refusal()).startsWith("Ce lien n’est pas valide");
        assertThat(approval.refusalNextStep()).isEqualTo("Demandez un nouveau lien à votre agence.");
        // Nothing of the agency is shown for a link that is not ours.
        assertThat(approval.visibleText()).doesNotContain(sent.agency());
        assertThat(statusOf(sent)).isEqualTo(PlanStatus.PROPOSED);
    }
}
