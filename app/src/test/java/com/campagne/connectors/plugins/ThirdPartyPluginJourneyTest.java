package com.campagne.connectors.plugins;

import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.BrowserTest;
import com.campagne.support.TenantSql;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionFormPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.PluginsPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugin jar built outside the app's build (the template, renamed to another plugin id and
 * provider) is uploaded in the running app through the admin screen, used by an agency for a
 * connection, synced, then disabled and removed — all in the same running app, without a restart.
 */
class ThirdPartyPluginJourneyTest extends BrowserTest {

    private static final String PLUGIN = "acme-ads";
    private static final int CAMPAIGNS = 4;

    @Autowired
    private PluginRuntime runtime;
    @Autowired
    private ConnectorCatalog catalog;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ApplicationContext context;

    @TempDir
    private Path files;

    @AfterEach
    void noAddedPlugins() {
        runtime.plugins().stream().filter(p -> !p.bundled()).forEach(p -> runtime.remove(p.id()));
    }

    @Test
    void aThirdPartyPluginIsUploadedUsedSyncedDisabledAndRemovedWithoutRestart() {
        long startedAt = context.getStartupDate();

        // The platform operator uploads the plugin: it starts with its connector.
        Path jar = TestPlugins.withManifest(files.resolve("acme-ads-1.0.0.jar"),
                Map.of("Plugin-Id", PLUGIN, "Plugin-Provider", "ACME"));
        Page admin = page;
        LoginPage.open(admin).submit("operator@campagne.test", "operator-password-for-tests");
        admin.waitForURL("**/platform");
        PluginsPage plugins = PluginsPage.fromNavigation(admin);
        plugins.upload(jar).waitForState(PLUGIN, "Démarré");
        assertThat(plugins.uploadError()).isEmpty();
        assertThat(plugins.connectors(PLUGIN)).isEqualTo("Modèle de connecteur");
        assertThat(plugins.visibleText()).contains("ACME");
        assertThat(catalog.find("template")).get().extracting(h -> h.pluginId()).isEqualTo(PLUGIN);

        // An agency connects a client with it through the form generated from the plugin's settings.
        Page agency = newPage(DEFAULT_LOCALE);
        String suffix = Integer.toHexString((int) System.nanoTime());
        String organisation = "Agence Littoral " + suffix;
        Account owner = signedUpOwner(TenantKind.AGENCY, organisation, "Julie Garnier", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(agency).logIn(owner.email(), owner.password());
        String client = "Fromagerie Durand " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        agency.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(agency);
        ConnectionFormPage form = connections.add().choose("template");
        assertThat(form.title()).isEqualTo("Nouvelle connexion\u00a0: Modèle de connecteur");
        form.name("ACME Ads – Fromagerie").setting("accountName", "Compte ACME Fromagerie")
                .setting("apiKey", "cle-acme-123").setting("campaigns", String.valueOf(CAMPAIGNS));
        assertThat(form.test()).isEqualTo(
                "Connexion réussie\u00a0: Connecté à « Compte ACME Fromagerie » (" + CAMPAIGNS + " campagnes).");
        assertThat(form.checkSucceeded()).isTrue();
        assertThat(form.accounts()).singleElement().asString().startsWith("Compte ACME Fromagerie");
        form.tickAccount("Compte ACME Fromagerie");
        connections = form.save();
        assertThat(connections.rows()).singleElement().asString().contains("Modèle de connecteur", "ACME Ads – Fromagerie");

        // Synced now: the history shows the run succeeded with its counts.
        ConnectionFormPage connection = connections.openConnection("ACME Ads – Fromagerie");
        UUID connectionId = UUID.fromString(connection.path().substring(connection.path().lastIndexOf('/') + 1));
        assertThat(connection.canSync()).isTrue();
        var run = connection.syncNow().waitForLatestRun("Réussie", 60_000);
        screenshot(agency, "ThirdPartyPluginJourneyTest-synced");

        // What is stored: campaigns × days of the run's range, with the template's figures.
        UUID tenant = TenantSql.tenantNamed(dataSource, organisation);
        Map<String, Object> stored = TenantSql.one(dataSource, tenant, "select status, range_from, range_to,"
                + " records_read, records_written, records_rejected from sync_runs where connection_id = ?", connectionId);
        assertThat(stored.get("status")).isEqualTo("SUCCEEDED");
        LocalDate from = ((Date) stored.get("range_from")).toLocalDate();
        LocalDate to = ((Date) stored.get("range_to")).toLocalDate();
        long days = from.datesUntil(to.plusDays(1)).count();
        assertThat(days).isGreaterThan(1);
        long expectedRows = CAMPAIGNS * days;
        long expectedClicks = 0;
        long expectedImpressions = 0;
        BigDecimal expectedCost = BigDecimal.ZERO;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (int c = 1; c <= CAMPAIGNS; c++) {
                // The template's rule: 1000 × campaign + 37 × day of month impressions, one click in 40, 0.42 € a click.
                long impressions = 1000L * c + 37L * day.getDayOfMonth();
                long clicks = impressions / 40;
                expectedImpressions += impressions;
                expectedClicks += clicks;
                expectedCost = expectedCost.add(new BigDecimal("0.42").multiply(BigDecimal.valueOf(clicks))
                        .setScale(2, RoundingMode.HALF_UP));
            }
        }
        Map<String, Object> facts = TenantSql.one(dataSource, tenant, "select count(*) as n, count(distinct day) as days,"
                + " count(distinct campaign_id) as campaigns, sum(impressions) as impressions, sum(clicks) as clicks,"
                + " sum(cost) as cost, min(day) as first, max(day) as last from metric_facts where connection_id = ?",
                connectionId);
        assertThat(facts.get("n")).isEqualTo(expectedRows);
        assertThat(facts.get("days")).isEqualTo(days);
        assertThat(facts.get("campaigns")).isEqualTo((long) CAMPAIGNS);
        assertThat(((Date) facts.get("first")).toLocalDate()).isEqualTo(from);
        assertThat(((Date) facts.get("last")).toLocalDate()).isEqualTo(to);
        assertThat(((Number) facts.get("impressions")).longValue()).isEqualTo(expectedImpressions);
        assertThat(((Number) facts.get("clicks")).longValue()).isEqualTo(expectedClicks);
        assertThat((BigDecimal) facts.get("cost")).isEqualByComparingTo(expectedCost);
        // The account, its campaigns and the daily rows are read and written; none refused.
        long read = 1 + CAMPAIGNS + expectedRows;
        assertThat(stored.get("records_read")).isEqualTo(read);
        assertThat(stored.get("records_written")).isEqualTo(read);
        assertThat(stored.get("records_rejected")).isEqualTo(0L);
        // The history shows the stored counts (French digit grouping).
        assertThat(digits(run.get(3))).isEqualTo(read);
        assertThat(digits(run.get(4))).isEqualTo(read);
        assertThat(digits(run.get(5))).isZero();

        // The operator disables the plugin: the connection says so and offers no sync.
        plugins.toggle(PLUGIN).waitForState(PLUGIN, "Désactivé");
        assertThat(catalog.find("template")).isEmpty();
        connections = ConnectionsPage.open(agency, clientIdOf(connection.path()));
        assertThat(connections.rows()).singleElement().asString()
                .contains("Connecteur indisponible (plugin désactivé ou retiré)");
        connection = connections.openConnection("ACME Ads – Fromagerie");
        assertThat(connection.visibleText()).contains("Connecteur indisponible (plugin désactivé ou retiré)",
                "Demandez à l’administrateur de la plateforme de la réactiver");
        assertThat(connection.canSync()).isFalse();
        // What was imported stays in sight.
        assertThat(connection.runs()).singleElement().satisfies(r -> assertThat(r.get(6)).isEqualTo("Réussie"));
        screenshot(agency, "ThirdPartyPluginJourneyTest-unavailable");

        // The operator removes it: gone from the installation, the connection still unavailable, the data kept.
        String confirmation = plugins.remove(PLUGIN);
        assertThat(confirmation).contains("Retirer le plugin " + PLUGIN);
        assertThat(runtime.plugins()).noneMatch(p -> p.id().equals(PLUGIN));
        assertThat(plugins.visibleText()).contains("Plugin " + PLUGIN + " retiré.");
        assertThat(admin.locator("#plugins-grid").innerText()).contains("csv-import").doesNotContain(PLUGIN);
        screenshot(admin, "ThirdPartyPluginJourneyTest-removed");
        connections = ConnectionsPage.open(agency, clientIdOf(connection.path()));
        assertThat(connections.rows()).singleElement().asString()
                .contains("Connecteur indisponible (plugin désactivé ou retiré)");
        assertThat(TenantSql.one(dataSource, tenant, "select count(*) as n from metric_facts where connection_id = ?",
                connectionId).get("n")).isEqualTo(expectedRows);

        // All of it in the one running app.
        assertThat(context.getStartupDate()).isEqualTo(startedAt);
    }

    private static long digits(String cell) {
        return Long.parseLong(cell.replaceAll("\\D", ""));
    }

    private static String clientIdOf(String connectionPath) {
        return connectionPath.split("/")[2];
    }
}
