package com.campagne.analytics.dashboard;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.dashboard.DashboardService.Comparison;
import com.campagne.analytics.dashboard.DashboardService.Dashboard;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.DashboardPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A business owner fills their client with demo data, opens its dashboard, widens the range, compares with the
 * previous period and filters on one channel: the cards change and always show what the service computes.
 * Also the agency overview and a campaign's dashboard, pictured in French, and the time to a drawn dashboard.
 */
class DashboardBrowserTest extends BrowserTest {

    @Autowired AccountUserDetailsService accounts;
    @Autowired DashboardService dashboards;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired SyncedCampaignLookup synced;

    private static final Locale FR = Locale.FRANCE;

    @Test
    void theClientDashboardFollowsRangeComparisonAndChannelAndMatchesTheService() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        String name = "Fleurs Marchand " + suffix;
        Account account = signedUpOwner(TenantKind.BUSINESS, name, "Inès Marchand", Locale.FRENCH);
        ClientsPage clientsPage = LoginPage.open(page).logIn(account.email(), account.password());
        clientsPage.openClient(name);
        page.locator("#client-dashboard").waitFor();
        UUID clientId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));

        // Before any connection: the dashboard says where the figures come from and leads there.
        DashboardPage dashboard = DashboardPage.open(page, "/clients/" + clientId + "/dashboard");
        assertThat(dashboard.isEmpty()).isTrue();
        assertThat(dashboard.visibleText()).contains("Aucune source de données connectée");
        page.locator("#dashboard-empty-connect").click();
        ConnectionsPage connections = ConnectionsPage.current(page);
        connections.tryDemo();
        PlaywrightAssertions.assertThat(page.locator("#sync-runs")).containsText("Réussie",
                new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));

        CampagneUser owner = accounts.loadUserByUsername(account.email());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

        // From the address to a fully drawn dashboard.
        long start = System.nanoTime();
        dashboard = DashboardPage.open(page, "/clients/" + clientId + "/dashboard");
        long renderMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("DASHBOARD render_ms=" + renderMs);
        assertThat(dashboard.title()).contains(name);
        assertThat(dashboard.hasChart("dashboard-chart-time")).isTrue();
        assertThat(dashboard.hasChart("dashboard-chart-channels")).isTrue();
        assertThat(dashboard.hasChart("dashboard-chart-funnel")).isTrue();
        MetricsFilter last30 = new MetricsFilter(today.minusDays(29), today, Set.of(clientId), null, null, null, null, null);
        long built = System.nanoTime();
        Dashboard thirty = as(owner, () -> dashboards.build(last30, Comparison.NONE));
        System.out.println("DASHBOARD service_build_ms=" + (System.nanoTime() - built) / 1_000_000);
        assertCards(dashboard, thirty);
        String cost30 = dashboard.cardValue("COST");

        // A wider range: other figures, still the service's.
        dashboard.preset("90 derniers jours");
        MetricsFilter last90 = last30.withRange(today.minusDays(89), today);
        Dashboard ninety = as(owner, () -> dashboards.build(last90, Comparison.NONE));
        assertCards(dashboard, ninety);
        assertThat(dashboard.cardValue("COST")).isNotEqualTo(cost30);
        assertThat(dashboard.path()).contains("range=90d");

        // Compared with the previous period: each card says against what and by how much.
        dashboard.comparison("Période précédente");
        Dashboard compared = as(owner, () -> dashboards.build(last90, Comparison.PREVIOUS_PERIOD));
        assertCards(dashboard, compared);
        for (DashboardService.Card card : compared.cards()) {
            assertThat(dashboard.cardPrevious(card.kpi().name())).isEqualTo("contre "
                    + KpiFormat.format(card.kpi(), card.previous(), compared.currency(), FR));
            String change = card.changePercent() == null ? KpiFormat.UNKNOWN
                    : (card.changePercent().signum() > 0 ? "+" : "") + KpiFormat.percent(card.changePercent(), FR);
            assertThat(dashboard.cardChange(card.kpi().name())).isEqualTo(change);
        }
        assertThat(dashboard.path()).contains("cmp=prev");
        // The demo syncs its last 90 days only: the period before is barely covered, and the screen says so.
        DashboardService.Coverage coverage = compared.partialComparison().orElseThrow();
        assertThat(page.locator("#dashboard-comparison-note").innerText()).startsWith("Période de comparaison incomplète")
                .contains("pour " + coverage.previousDays() + " de ses jours", "contre " + coverage.days());

        // One channel only: the cards drop to that channel's figures.
        String channel = ninety.breakdowns().get(Dimension.CHANNEL).stream().map(DashboardService.Row::key)
                .filter(k -> !k.isEmpty()).findFirst().orElseThrow();
        dashboard.filter("channel", french("dashboard.channel." + channel));
        Dashboard oneChannel = as(owner, () -> dashboards.build(last90.withChannels(Set.of(channel)),
                Comparison.PREVIOUS_PERIOD));
        assertCards(dashboard, oneChannel);
        assertThat(oneChannel.value(Kpi.CLICKS)).isLessThan(ninety.value(Kpi.CLICKS));
        assertThat(dashboard.path()).contains("channel=" + channel);
        // The rows behind the cost card are that channel's.
        assertThat(dashboard.drillCard("COST")).containsAnyOf("Lignes de données", "Les 500");
        screenshot(page, "dashboard-client-fr");

        // The channel table as files, with the service's figures: CSV the way French Excel reads it, XLSX numbers.
        DashboardService.Row channelRow = oneChannel.breakdowns().get(Dimension.CHANNEL).getFirst();
        BigDecimal channelCost = channelRow.totals().value(Kpi.COST, oneChannel.currency());
        Download csv = page.waitForDownload(() -> page.locator("#export-csv-CHANNEL").click());
        assertThat(csv.suggestedFilename()).startsWith("tableau-de-bord-channel-").endsWith(".csv");
        String csvText = read(csv.path());
        assertThat(csvText).as("a BOM, so Excel reads UTF-8").startsWith("\uFEFF");
        List<String[]> csvRows = csvText.substring(1).lines().map(l -> l.split(";", -1)).toList();
        assertThat(csvRows).hasSize(1 + oneChannel.breakdowns().get(Dimension.CHANNEL).size());
        assertThat(csvRows.getFirst()[1]).isEqualTo("Coût (" + oneChannel.currency() + ")");
        assertThat(csvRows.get(1)[1]).isEqualTo(new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(FR))
                .format(channelCost));
        Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx-CHANNEL").click());
        assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        try (Workbook book = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Coût (" + oneChannel.currency() + ")");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(csvRows.get(1)[0]);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isCloseTo(channelCost.doubleValue(),
                    within(0.000001));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // The shared link opens the same dashboard.
        String shared = dashboard.path();
        dashboard = DashboardPage.open(page, shared);
        assertThat(dashboard.cardValue("CLICKS")).isEqualTo(KpiFormat.format(Kpi.CLICKS, oneChannel.value(Kpi.CLICKS),
                oneChannel.currency(), FR));

        // The agency overview lists the client.
        dashboard = DashboardPage.open(page, "/dashboard?range=90d");
        assertThat(page.locator("#table-CLIENT").innerText()).contains(name);
        assertThat(dashboard.navigation()).first().isEqualTo("Tableau de bord");
        screenshot(page, "dashboard-agency-fr");

        // A campaign whose plan line is linked to a synced campaign.
        UUID campaignId = as(owner, () -> {
            Campaign c = campaigns.draft(clientId);
            c.setName("Fête des mères");
            c.setObjective(CampaignObjective.LEADS);
            c.setStartDate(today.minusDays(60));
            c.setEndDate(today.plusDays(20));
            return campaigns.save(c).getId();
        });
        as(owner, () -> {
            MediaPlan plan = plans.latestOrCreate(campaignId);
            // The network campaign that cost the most over the last 90 days, so the campaign has figures.
            var target = DashboardService.campaignRef(ninety.breakdowns().get(Dimension.CAMPAIGN).getFirst().key());
            PlanLineItem line = plans.newLine(plan.getId());
            line.setChannel(com.campagne.plans.Channel.DISPLAY);
            line.setPlacement("Accueil");
            line.setFormat("Medium rectangle 300×250");
            line.setBuyingModel(com.campagne.plans.money.BuyingModel.CPM);
            line.setRateCardPrice(new BigDecimal("10"));
            line.setVolume(new BigDecimal("150000"));
            line.linkSyncedCampaign(target.connectionId(), target.accountId(), target.campaignId());
            plans.saveLine(line);
        });
        page.navigate("/clients/" + clientId + "/campaigns/" + campaignId);
        waitForVaadin(page);
        page.locator("#campaign-dashboard").click();
        page.waitForURL("**/dashboard");
        dashboard = new DashboardPage(page).waitUntilDrawn();
        assertThat(dashboard.title()).contains("Fête des mères");
        // The campaign's spend against its plan, under the figures: the linked line's planned to date shows.
        assertThat(page.locator("#dashboard-plan-vs-actual #plan-vs-actual").count()).isEqualTo(1);
        assertThat(page.locator("#dashboard-plan-vs-actual #pva-empty").count()).isZero();
        assertThat(dashboard.cards()).contains("COST");
        screenshot(page, "dashboard-campaign-fr");

        // Below the figures of the client dashboard: its tables, to look at.
        dashboard = DashboardPage.open(page, "/clients/" + clientId + "/dashboard?range=90d");
        page.locator("#table-CAMPAIGN").scrollIntoViewIfNeeded();
        screenshot(page, "dashboard-client-fr-tables");

        // The same dashboard in English: British number formats, no French left on it.
        dashboard.switchLanguage("EN");
        dashboard = DashboardPage.open(page, "/clients/" + clientId + "/dashboard?range=90d");
        assertThat(dashboard.title()).startsWith("Dashboard – ");
        assertThat(dashboard.cardValue("CLICKS")).isEqualTo(KpiFormat.format(Kpi.CLICKS, ninety.value(Kpi.CLICKS),
                ninety.currency(), Locale.ENGLISH));
        assertThat(dashboard.cardValue("COST")).isEqualTo(KpiFormat.format(Kpi.COST, ninety.value(Kpi.COST),
                ninety.currency(), Locale.ENGLISH)).startsWith("€");
        assertThat(dashboard.visibleText()).doesNotContain("Coût", "Période", "Tableau de bord", "Clics", "Appareil");
        screenshot(page, "dashboard-client-en");
        page.locator("#table-CAMPAIGN").scrollIntoViewIfNeeded();
        screenshot(page, "dashboard-client-en-tables");
    }

    private static void assertCards(DashboardPage page, Dashboard expected) {
        assertThat(page.cards()).containsExactlyElementsOf(expected.cards().stream().map(c -> c.kpi().name()).toList());
        for (DashboardService.Card card : expected.cards()) {
            assertThat(page.cardValue(card.kpi().name())).as(card.kpi().name())
                    .isEqualTo(KpiFormat.format(card.kpi(), card.value(), expected.currency(), FR));
        }
    }

    private static String french(String key) {
        Properties bundle = new Properties();
        try (var in = DashboardBrowserTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle.getProperty(key);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
