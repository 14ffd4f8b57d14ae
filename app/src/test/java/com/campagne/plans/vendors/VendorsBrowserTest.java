package com.campagne.plans.vendors;

import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.VendorFormPage;
import com.campagne.support.pages.VendorsPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A media planner records a régie with its sales contact and two entries of its rate card. */
class VendorsBrowserTest extends BrowserTest {

    @Test
    void aPlannerRecordsAVendorWithAContactAndTwoRates() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        assertThat(clients.navigation()).contains("Régies et supports");

        VendorsPage vendors = VendorsPage.fromNavigation(page);
        assertThat(vendors.title()).isEqualTo("Régies et supports");
        assertThat(vendors.isEmpty()).isTrue();
        assertThat(vendors.emptyStateText()).contains("Ajoutez vos régies et supports\u00a0: leurs contacts et leurs"
                + " tarifs se retrouvent ensuite dans chaque plan média");

        // Every wrong field at once, each message under its field.
        VendorFormPage form = vendors.add();
        assertThat(form.title()).isEqualTo("Nouveau support");
        form.website("www.ouest-france.fr").save();
        assertThat(form.error("vendor-name")).isEqualTo("Donnez un nom au support.");
        assertThat(form.error("vendor-website")).startsWith("Indiquez l’adresse complète du site");

        form.name("Ouest-France Médias").kind("Régie").website("https://www.ouest-france.fr").saveAndWait();
        assertThat(form.title()).isEqualTo("Ouest-France Médias");

        form.addContact("Marie Leroy", "Chargée de clientèle", "marie.leroy@", "02 99 32 60 00");
        assertThat(form.error("contact-email")).startsWith("Cette adresse e-mail n’est pas valide");
        page.locator("#contact-email > input").fill("marie.leroy@ouest-france.fr");
        page.locator("#contact-email > input").blur();
        page.locator("#contact-save").click();
        form.waitForVaadin();
        assertThat(form.contacts()).containsExactly(
                "Marie Leroy | Chargée de clientèle | marie.leroy@ouest-france.fr | 02 99 32 60 00");

        // A rate without its buying model and with a negative price is refused, field by field.
        form.rate("Presse", "Édition Ille-et-Vilaine", "Page presse", null, "-5", "01/01/2027", "31/12/2027")
                .saveRate();
        assertThat(form.error("rate-buying-model")).isEqualTo("Choisissez le mode d’achat.");
        assertThat(form.error("rate-price")).isEqualTo("Le prix est un montant positif avec au plus 4 décimales.");
        form.cancelDialog("rate");
        form.rate("Presse", "Édition Ille-et-Vilaine", "Page presse", "Forfait", "4200", "01/01/2027", "31/12/2027")
                .saveRate();
        form.rate("Display", "Rubrique Économie", "Medium rectangle 300×250", "CPM (coût pour mille impressions)",
                "12,5", null, null).saveRate();
        assertThat(form.rates()).containsExactlyInAnyOrder(
                "Presse | Édition Ille-et-Vilaine | Page presse | Forfait | 4\u202f200,00\u00a0€"
                        + " | du 1 janv. 2027 au 31 déc. 2027",
                "Display | Rubrique Économie | Medium rectangle 300×250 | CPM (coût pour mille impressions)"
                        + " | 12,50\u00a0€ | Sans limite");
        form.dismissNotifications();
        page.locator("#rates-grid").scrollIntoViewIfNeeded();
        screenshot(page, "vendors-fr-editor");

        vendors = form.back();
        assertThat(vendors.rows()).containsExactly("Ouest-France Médias | Régie | 1 | 2");
        screenshot(page, "vendors-fr-list");
    }
}
