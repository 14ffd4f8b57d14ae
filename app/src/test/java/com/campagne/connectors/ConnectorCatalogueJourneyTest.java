package com.campagne.connectors;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.support.BrowserTest;
import com.campagne.support.ProviderStubs;
import com.campagne.support.TenantSql;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionFormPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.ConnectorPickerPage;
import com.campagne.support.pages.DashboardPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector catalogue end to end: an agency connects, through the screens, one plugin of each
 * category — Meta Ads (ad network), Matomo (analytics), Brevo (e-mailing) — to local stand-ins of
 * the providers' APIs, syncs each, and finds the providers' figures in the metrics store and its
 * rollups (and on the client's dashboard once that view exists).
 */
class ConnectorCatalogueJourneyTest extends BrowserTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    private ProviderStubs stubs;

    @BeforeEach
    void providers() {
        stubs = ProviderStubs.start();
    }

    @AfterEach
    void stopProviders() {
        stubs.close();
    }

    @Test
    void anAgencyConnectsAnAdNetworkAnAnalyticsToolAndAnEmailingToolAndSeesTheirFigures() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Littoral " + suffix, "Julie Caron", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Boutique Martin " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);
        String clientId = connections.path().split("/")[2];
        UUID tenantId = jdbc.queryForObject("select id from tenants where name = ?", UUID.class, owner.organization());

        // Ad network: Meta, with a system user token.
        ConnectionFormPage meta = pick(clientId, "meta-ads", "Régies publicitaires", "Meta Ads");
        meta.name("Meta – Boutique Martin")
                .setting("accessToken", ProviderStubs.META_TOKEN)
                .setting("baseUrl", stubs.metaBaseUrl());
        assertThat(meta.test()).isEqualTo("Connexion réussie\u00a0: Connecté à Meta : 1 compte(s) publicitaire(s) ("
                + ProviderStubs.META_ACCOUNT_NAME + ").");
        assertThat(meta.checkSucceeded()).isTrue();
        UUID metaConnection = saveAndSync(meta, "meta-ads", "Meta – Boutique Martin", ProviderStubs.META_ACCOUNT_NAME);

        // Analytics: Matomo, self-hosted, with its token_auth.
        ConnectionFormPage matomo = pick(clientId, "matomo", "Mesure d’audience", "Matomo");
        matomo.name("Matomo – boutique-martin.fr")
                .setting("baseUrl", stubs.matomoUrl())
                .setting("tokenAuth", ProviderStubs.MATOMO_TOKEN)
                .setting("siteIds", ProviderStubs.MATOMO_SITE);
        assertThat(matomo.test()).isEqualTo("Connexion réussie\u00a0: Connecté à Matomo 5.1.2 : 1 site(s) accessible(s) ("
                + ProviderStubs.MATOMO_SITE_NAME + ").");
        UUID matomoConnection = saveAndSync(matomo, "matomo", "Matomo – boutique-martin.fr", ProviderStubs.MATOMO_SITE_NAME);

        // E-mailing: Brevo, with an API key.
        ConnectionFormPage brevo = pick(clientId, "brevo", "E-mailing", "Brevo");
        brevo.name("Brevo – newsletters")
                .setting("apiKey", ProviderStubs.BREVO_KEY)
                .setting("baseUrl", stubs.brevoBaseUrl());
        assertThat(brevo.test()).startsWith("Connexion réussie\u00a0:");
        assertThat(brevo.checkSucceeded()).isTrue();
        UUID brevoConnection = saveAndSync(brevo, "brevo", "Brevo – newsletters", ProviderStubs.BREVO_ACCOUNT_NAME);

        // The three connections are listed, each synced.
        connections = ConnectionsPage.open(page, clientId);
        assertThat(connections.rows()).hasSize(3).allSatisfy(row -> assertThat(row).contains("Active")
                .doesNotContain("Jamais"));
        assertThat(connections.rows()).anySatisfy(row -> assertThat(row).contains("Meta – Boutique Martin",
                ProviderStubs.META_ACCOUNT_NAME));
        screenshot(page, "connector-journey-connections-fr");

        // Exactly the providers' figures, in the raw facts and in the rollup the dashboards read,
        // every one of them within the last 30 days.
        LocalDate since = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(30);
        for (String table : List.of("metric_facts", "metric_campaign_daily")) {
            Map<String, Object> m = sums(tenantId, table, metaConnection, since);
            assertThat((BigDecimal) m.get("cost")).as(table + " Meta cost").isEqualByComparingTo(stubs.metaCost());
            assertThat(((Number) m.get("clicks")).longValue()).as(table + " Meta clicks").isEqualTo(stubs.metaClicks());
            assertThat(((Number) m.get("impressions")).longValue()).as(table + " Meta impressions")
                    .isEqualTo(stubs.metaImpressions());
            assertThat(((Number) m.get("older")).longValue()).as(table + " Meta rows older than 30 days").isZero();

            Map<String, Object> a = sums(tenantId, table, matomoConnection, since);
            assertThat(((Number) a.get("sessions")).longValue()).as(table + " Matomo sessions")
                    .isEqualTo(stubs.matomoSessions());
            assertThat(((Number) a.get("older")).longValue()).as(table + " Matomo rows older than 30 days").isZero();

            Map<String, Object> e = sums(tenantId, table, brevoConnection, since);
            assertThat(((Number) e.get("emails_sent")).longValue()).as(table + " Brevo sent").isEqualTo(stubs.brevoSent());
            assertThat(((Number) e.get("emails_delivered")).longValue()).as(table + " Brevo delivered")
                    .isEqualTo(stubs.brevoDelivered());
            assertThat(((Number) e.get("emails_opened")).longValue()).as(table + " Brevo opened")
                    .isEqualTo(stubs.brevoOpened());
            assertThat(((Number) e.get("older")).longValue()).as(table + " Brevo rows older than 30 days").isZero();
        }

        assertDashboardShows(page, clientId, expectedCards());
    }

    @Test
    void aRefusedMetaTokenIsSaidInFrenchUnderTheTokenField() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Falaise " + suffix, "Hugo Lenoir", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Crêperie Le Goff " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-connections").click();
        String clientId = ConnectionsPage.current(page).path().split("/")[2];

        ConnectionFormPage form = pick(clientId, "meta-ads", "Régies publicitaires", "Meta Ads");
        form.setting("accessToken", ProviderStubs.META_EXPIRED_TOKEN).setting("baseUrl", stubs.metaBaseUrl());
        String result = form.test();
        assertThat(form.checkSucceeded()).isFalse();
        assertThat(result).startsWith("La connexion n’a pas marché\u00a0: Meta refuse le jeton d’accès (expiré, révoqué ou invalide");
        assertThat(form.error("accessToken"))
                .startsWith("Meta refuse le jeton d’accès (expiré, révoqué ou invalide")
                .contains("Error validating access token", "code 190/463",
                        "créez un nouveau jeton dans Meta Business Suite → Paramètres → Utilisateurs système, puis reconnectez.");
        assertThat(form.accounts()).isEmpty();
        form.scrollTo("setting-accessToken");
        screenshot(page, "connector-journey-meta-ads-refused-token-fr");
    }

    /** Opens the connector picker of the client and picks the connector, checking the category it is listed under. */
    private ConnectionFormPage pick(String clientId, String connectorId, String category, String name) {
        ConnectorPickerPage picker = ConnectionsPage.open(page, clientId).add();
        assertThat(picker.categories()).contains(category);
        assertThat(picker.categoryOf(connectorId)).isEqualTo(category);
        assertThat(picker.card(connectorId)).contains(name);
        ConnectionFormPage form = picker.choose(connectorId);
        assertThat(form.title()).startsWith("Nouvelle connexion\u00a0: " + name);
        return form;
    }

    /**
     * With the connection tested: checks the account offered is ticked, saves, opens the connection
     * again, syncs it now and waits for the run to succeed; returns the connection's id.
     */
    private UUID saveAndSync(ConnectionFormPage form, String connectorId, String name, String account) {
        assertThat(form.accounts()).singleElement().asString().startsWith(account);
        form.tickAccount(account);
        // The provider's address (the stub's, in the advanced group), the check's answer and the account.
        form.scrollTo("meta-ads".equals(connectorId) ? "setting-baseUrl" : "connection-name");
        screenshot(page, "connector-journey-" + connectorId + "-fr");
        ConnectionsPage connections = form.save();
        ConnectionFormPage stored = connections.openConnection(name);
        UUID connectionId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertThat(stored.canSync()).isTrue();
        List<String> run = stored.syncNow().waitForLatestRun("Réussie", 120_000);
        // Read, written, refused: something was read and written, nothing refused.
        assertThat(Long.parseLong(run.get(3).replaceAll("\\D", ""))).as(connectorId + " records read").isPositive();
        assertThat(Long.parseLong(run.get(4).replaceAll("\\D", ""))).as(connectorId + " records written").isPositive();
        assertThat(run.get(5).replaceAll("\\D", "")).as(connectorId + " records refused").isIn("", "0");
        stored.scrollTo("sync-now");
        screenshot(page, "connector-journey-" + connectorId + "-fr-synced");
        return connectionId;
    }

    private Map<String, Object> sums(UUID tenantId, String table, UUID connectionId, LocalDate since) {
        return TenantSql.one(dataSource, tenantId, "select sum(cost) as cost, sum(clicks) as clicks,"
                + " sum(impressions) as impressions, sum(sessions) as sessions, sum(emails_sent) as emails_sent,"
                + " sum(emails_delivered) as emails_delivered, sum(emails_opened) as emails_opened,"
                + " count(*) filter (where day < ?) as older from " + table + " where connection_id = ?", since, connectionId);
    }

    /** The KPI cards of the client's dashboard over the last 30 days, as French readers see them. */
    private Map<String, String> expectedCards() {
        Map<String, String> cards = new LinkedHashMap<>();
        cards.put("COST", KpiFormat.format(Kpi.COST, stubs.metaCost(), "EUR", Locale.FRENCH));
        cards.put("IMPRESSIONS", KpiFormat.format(Kpi.IMPRESSIONS, BigDecimal.valueOf(stubs.metaImpressions()), null,
                Locale.FRENCH));
        cards.put("SESSIONS", KpiFormat.format(Kpi.SESSIONS, BigDecimal.valueOf(stubs.matomoSessions()), null,
                Locale.FRENCH));
        // Opened ÷ delivered, as Brevo's own statistics page has it.
        cards.put("EMAIL_OPEN_RATE", KpiFormat.percent(BigDecimal.valueOf(stubs.brevoOpened())
                .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(stubs.brevoDelivered()), 6,
                        RoundingMode.HALF_UP), Locale.FRENCH));
        return cards;
    }

    /**
     * The client's dashboard ({@code clients/<id>/dashboard}) over the last 30 days shows each expected card
     * (KPI name → value formatted in French): the three connectors' figures side by side.
     */
    static void assertDashboardShows(Page page, String clientId, Map<String, String> expected) {
        DashboardPage dashboard = DashboardPage.open(page, "/clients/" + clientId + "/dashboard")
                .preset("30 derniers jours");
        expected.forEach((kpi, value) -> assertThat(dashboard.cardValue(kpi)).as(kpi).isEqualTo(value));
        screenshot(page, "connector-journey-dashboard-fr");
    }
}
