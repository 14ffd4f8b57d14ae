package com.campagne.plans;

import com.campagne.support.BrowserTest;
import com.campagne.support.pages.CampaignFormPage;
import com.campagne.support.pages.CampaignsPage;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency prepares a client's campaign, proposes it, records the client's approval and launches it. */
class CampaignsBrowserTest extends BrowserTest {

    @Test
    void anAgencyPreparesProposesAndLaunchesAClientsCampaign() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Boulangerie Martin " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-campaigns").click();
        CampaignsPage campaigns = CampaignsPage.current(page);
        assertThat(campaigns.title()).isEqualTo("Campagnes de " + client);
        assertThat(campaigns.isEmpty()).isTrue();
        assertThat(campaigns.emptyStateText()).contains("Aucune campagne pour l’instant",
                "Créez la première campagne de ce client");
        screenshot(page, "campaigns-fr-00-empty");

        // Every wrong field at once, each message under its field.
        CampaignFormPage form = campaigns.add();
        assertThat(form.title()).isEqualTo("Nouvelle campagne");
        form.start("15/04/2027").end("01/04/2027").budget("-100").save();
        assertThat(form.error("campaign-name")).isEqualTo("Donnez un nom à la campagne.");
        assertThat(form.error("campaign-objective")).isEqualTo("Choisissez l’objectif principal de la campagne.");
        assertThat(form.error("campaign-end")).isEqualTo("La fin doit tomber le jour du début ou après.");
        assertThat(form.error("campaign-budget")).isEqualTo("Le budget ne peut pas être négatif.");
        screenshot(page, "campaigns-fr-01-form-errors");
        // Something typed that is not an amount is not silently taken for "no budget".
        form.budget("12,5,0").save();
        assertThat(form.error("campaign-budget")).isEqualTo("Le budget doit être un montant, par exemple 12\u00a0500,50.");

        // Fixed: saved as a draft, the history says who created it.
        form.name("Printemps gourmand").objective("Notoriété").end("30/04/2027").budget("12500,50")
                .audience("Familles du quartier qui aiment le pain au levain").geography("Lyon 3e et 7e")
                .ages("25", "55").saveAndWait();
        assertThat(form.title()).isEqualTo("Printemps gourmand");
        assertThat(form.status()).isEqualTo("Brouillon");
        form.dismissNotifications();
        page.locator("h2").first().scrollIntoViewIfNeeded();
        screenshot(page, "campaigns-fr-02-form-draft");
        assertThat(form.history()).singleElement().asString().contains("créée par Claire Morel");

        form.step("propose");
        assertThat(form.status()).isEqualTo("Proposée au client");
        assertThat(form.statusHelp()).contains("Le client peut l’approuver");
        // Going back to draft needs a comment.
        form.step("backToDraft");
        assertThat(form.error("campaign-comment")).isEqualTo("Expliquez en quelques mots ce qu’il faut changer.");
        assertThat(form.status()).isEqualTo("Proposée au client");

        form.comment("Accord donné par téléphone").step("approve");
        assertThat(form.status()).isEqualTo("Approuvée");
        form.step("launch");
        assertThat(form.status()).isEqualTo("En cours");
        assertThat(form.hasStep("end")).isTrue();
        assertThat(form.history()).hasSize(4);
        assertThat(form.history().getFirst()).contains("Claire Morel", "«\u00a0Approuvée\u00a0» à «\u00a0En cours\u00a0»");
        assertThat(form.history().get(1)).contains("Commentaire\u00a0: Accord donné par téléphone");
        form.dismissNotifications();
        page.locator("#campaign-history").scrollIntoViewIfNeeded();
        screenshot(page, "campaigns-fr-03-form-live");

        campaigns = form.back();
        new CampaignFormPage(page).dismissNotifications();
        assertThat(campaigns.rows()).singleElement().asString().contains("Printemps gourmand", "Notoriété",
                "du 15 avr. 2027 au 30 avr. 2027", "12\u202f500,50\u00a0€", "En cours");
        screenshot(page, "campaigns-fr-04-list");

        // Ending is final, so it is confirmed first; then nothing can be changed any more.
        form = campaigns.openCampaign("Printemps gourmand");
        assertThat(form.endAfterConfirmation()).contains("Terminer «\u00a0Printemps gourmand\u00a0»\u00a0?",
                "n’est plus modifiable");
        assertThat(form.status()).isEqualTo("Terminée");
        assertThat(form.hasStep("end")).isFalse();
    }
}
