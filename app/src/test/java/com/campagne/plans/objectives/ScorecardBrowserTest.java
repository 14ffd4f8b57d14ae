package com.campagne.plans.objectives;

import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.ScorecardPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency sets a client's SMART objectives in two perspectives of the balanced scorecard. */
class ScorecardBrowserTest extends BrowserTest {

    @Test
    void anAgencySetsSmartObjectivesInTwoPerspectives() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Menuiserie Dubois " + suffix;
        clients = clients.add().name(client).sector("Artisanat").save();
        clients.openClient(client);
        page.locator("#client-objectives").click();
        ScorecardPage scorecard = ScorecardPage.current(page);
        assertThat(scorecard.title()).isEqualTo("Tableau de bord prospectif de " + client);
        assertThat(scorecard.isEmpty()).isTrue();
        assertThat(scorecard.emptyStateText()).contains("Aucun objectif pour l’instant", "SMART\u00a0: spécifique",
                "mesurable", "temporel (une échéance)", "financier", "apprentissage et croissance");
        screenshot(page, "scorecard-fr-empty");

        // Every broken rule at once, each under its field.
        scorecard.add().title("Plus de demandes de devis").metric("Conversions").baseline("100").target("80").save();
        assertThat(scorecard.error("objective-perspective")).isEqualTo("Choisissez la perspective que cet objectif sert.");
        assertThat(scorecard.error("objective-target"))
                .isEqualTo("La cible doit dépasser le point de départ (plus haut est mieux pour cet indicateur).");
        assertThat(scorecard.error("objective-deadline")).isEqualTo("Fixez une échéance.");
        assertThat(scorecard.error("objective-title")).isEmpty();
        screenshot(page, "scorecard-fr-errors");

        scorecard.perspective("Clients").target("200").deadline("30/06/2027").save();
        assertThat(scorecard.dialogOpen()).isFalse();
        scorecard.add().title("Baisser le coût par devis").perspective("Financier").metric("Coût par acquisition (CPA)")
                .baseline("45").target("60").deadline("31/03/2027").save();
        assertThat(scorecard.error("objective-target"))
                .isEqualTo("La cible doit être sous le point de départ (plus bas est mieux pour cet indicateur).");
        scorecard.target("32,5").save();
        scorecard.add().title("Des annonces qui donnent envie de cliquer").perspective("Clients")
                .metric("Taux de clic (CTR)").target("2,5").deadline("31/05/2027").save();

        assertThat(scorecard.perspectives()).containsExactly("Financier", "Clients", "Processus internes",
                "Apprentissage et croissance");
        assertThat(scorecard.cards("FINANCIAL")).singleElement().asString().contains(
                "Baisser le coût par devis", "Indicateur\u00a0: Coût par acquisition (CPA)",
                "Cible\u00a0: 32,50\u00a0€", "Point de départ\u00a0: 45,00\u00a0€", "Échéance\u00a0: 31 mars 2027",
                "Responsable\u00a0: Claire Morel", "Objectif du client (toutes campagnes)",
                "Pas encore de données", "Pas encore de données mesurées pour ce client sur la période.");
        assertThat(scorecard.cards("CUSTOMER")).hasSize(2);
        assertThat(scorecard.cards("CUSTOMER").get(0)).contains("Des annonces qui donnent envie de cliquer",
                "Cible\u00a0: 2,5\u00a0%");
        assertThat(scorecard.cards("CUSTOMER").get(1)).contains("Plus de demandes de devis", "Cible\u00a0: 200",
                "Point de départ\u00a0: 100", "Échéance\u00a0: 30 juin 2027");
        assertThat(scorecard.section("INTERNAL_PROCESS")).contains("Aucun objectif dans cette perspective");
        scorecard.dismissNotifications();
        screenshot(page, "scorecard-fr");
    }
}
