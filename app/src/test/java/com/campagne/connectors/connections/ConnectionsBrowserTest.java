package com.campagne.connectors.connections;

import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionFormPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.ConnectorPickerPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency connects a client's ad account through the form generated from the connector's settings. */
class ConnectionsBrowserTest extends BrowserTest {

    @Autowired ConnectorCatalog catalog;

    @BeforeEach
    void testConnector() {
        TestConnector.register(catalog);
    }

    @Test
    void anAgencyConnectsAClientsAdAccountThroughTheGeneratedForm() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Boulangerie Martin " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);
        assertThat(connections.title()).contains(client);
        assertThat(connections.isEmpty()).isTrue();
        assertThat(connections.emptyStateText()).contains("Connectez Google Ads, Meta, GA4");
        screenshot(page, "connections-fr-00-empty");

        // The catalogue, by category, in French.
        ConnectorPickerPage picker = connections.add();
        assertThat(picker.categories()).contains("Régies publicitaires");
        assertThat(picker.card(TestConnector.ID)).contains("Régie Test", "Une régie publicitaire imaginaire");
        screenshot(page, "connections-fr-01-picker");

        // The generated form: every wrong field at once, each message under its field.
        ConnectionFormPage form = picker.choose(TestConnector.ID);
        assertThat(form.title()).isEqualTo("Nouvelle connexion\u00a0: Régie Test");
        // No client registration with this provider: the operator is told what to set instead of a button.
        assertThat(form.oauthNotConfigured("login")).startsWith(
                "L’administrateur de la plateforme doit d’abord enregistrer Campagne auprès de Régie Test")
                .contains("campagne.oauth2.providers.test-ads.client-id");
        form.setting("customerId", "12-34");
        String result = form.test();
        assertThat(result).isEqualTo("Corrigez d’abord les champs signalés en rouge.");
        assertThat(form.error("customerId")).isEqualTo("Format attendu : 123-456-7890.");
        assertThat(form.error("apiKey")).isEqualTo("Ce champ est obligatoire.");
        form.setting("days", "900");
        form.test();
        assertThat(form.error("days")).isEqualTo("Au maximum 365.");
        form.scrollTo("setting-customerId");
        screenshot(page, "connections-fr-02-form-errors");

        // A key the tool refuses: said in words, at the key.
        form.setting("customerId", "123-456-7890").setting("days", "90").setting("apiKey", "mauvaise-cle");
        assertThat(form.test()).isEqualTo("La connexion n’a pas marché\u00a0: Cette clé d’API est refusée par Régie Test.");
        assertThat(form.checkSucceeded()).isFalse();
        assertThat(form.error("apiKey")).isEqualTo("Cette clé d’API est refusée par Régie Test.");
        assertThat(form.error("customerId")).isEmpty();

        // The right key: success in green, then the accounts to choose.
        Path report = Files.createTempFile("rapport-", ".csv");
        Files.writeString(report, "date;cout\n2026-11-01;12,50\n");
        form.setting("apiKey", TestConnector.GOOD_KEY).upload("report", report);
        assertThat(form.fileText("report")).contains(report.getFileName().toString(), "Ko");
        assertThat(form.test()).isEqualTo("Connexion réussie\u00a0: Connecté au client 123-456-7890");
        assertThat(form.checkSucceeded()).isTrue();
        assertThat(form.accounts()).containsExactly(
                "Boutique Paris · n\u00b0\u00a0act-1 · montants en EUR · fuseau Europe/Paris",
                "Boutique Lyon · n\u00b0\u00a0act-2 · montants en EUR · fuseau Europe/Paris",
                "Shop London · n\u00b0\u00a0act-3 · montants en GBP · fuseau Europe/London");
        form.tickAccount("Boutique Paris").schedule("Chaque semaine").name("Régie Test – boutique de Paris");
        form.scrollTo("connection-test");
        screenshot(page, "connections-fr-03-form-tested");
        connections = form.save();

        assertThat(connections.rows()).singleElement().satisfies(row -> assertThat(row)
                .contains("Régie Test", "Régie Test – boutique de Paris", "Boutique Paris", "Chaque semaine", "Active",
                        "Jamais"));
        screenshot(page, "connections-fr-04-list");

        // Opened again: the key is never shown, only that it is stored; testing uses the stored one.
        ConnectionFormPage stored = connections.openConnection("boutique de Paris");
        assertThat(stored.placeholder("apiKey")).isEqualTo("•••• enregistré");
        assertThat(stored.value("apiKey")).isEmpty();
        assertThat(stored.visibleText()).doesNotContain(TestConnector.GOOD_KEY);
        assertThat(stored.fileText("report")).contains("Fichier enregistré", report.getFileName().toString());
        assertThat(stored.canSync()).isTrue();
        assertThat(stored.test()).isEqualTo("Connexion réussie\u00a0: Connecté au client 123-456-7890");
        screenshot(page, "connections-fr-05-detail");
        stored.pause();
        assertThat(stored.notification()).contains("en pause");

        // Its plugin disabled: the connection says so and offers no sync, and can still be deleted.
        String clientPath = stored.path().substring(0, stored.path().lastIndexOf('/'));
        catalog.unregisterPlugin("test");
        try {
            connections = ConnectionsPage.open(page, clientPath.split("/")[2]);
            assertThat(connections.rows()).singleElement().satisfies(row -> assertThat(row)
                    .contains("Connecteur indisponible (plugin désactivé ou retiré)", "En pause"));
            stored = connections.openConnection("boutique de Paris");
            assertThat(stored.visibleText()).contains("Connecteur indisponible (plugin désactivé ou retiré)");
            assertThat(stored.canSync()).isFalse();
            screenshot(page, "connections-fr-06-unavailable");
        } finally {
            TestConnector.register(catalog);
        }

        connections = stored.delete();
        assertThat(connections.isEmpty()).isTrue();
        Files.deleteIfExists(report);
    }
}
