package com.campagne.connectors.sync;

import com.campagne.support.BrowserTest;
import com.campagne.support.TenantSql;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionFormPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency imports a client's Google Ads report (the French export, UTF-16 with tabs, title and
 * total lines) through the CSV / XLSX import connector, then a file with a bad number: refused whole
 * in "all or nothing", imported without its bad line (listed in the history) when bad lines are skipped.
 */
class CsvImportJourneyTest extends BrowserTest {

    private static final String CONNECTION = "Google Ads – export de novembre";
    private static final String SKIP_BAD_LINES = "Ignorer les lignes en erreur (listées dans l’historique)";

    @Autowired
    private DataSource dataSource;

    @TempDir
    private Path files;

    @Test
    void anAgencyImportsAGoogleAdsExportThenABrokenFileAllOrNothingAndSkippingBadLines() throws IOException {
        String suffix = Integer.toHexString((int) System.nanoTime());
        String organisation = "Agence Marée " + suffix;
        Account owner = signedUpOwner(TenantKind.AGENCY, organisation, "Hugo Lefèvre", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Boulangerie Noël " + suffix;
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);

        // The Google Ads export: recognised by its columns, its header found under the title lines.
        ConnectionFormPage form = connections.add().choose("csv-import");
        assertThat(form.title()).isEqualTo("Nouvelle connexion\u00a0: Import de fichier CSV / XLSX");
        form.name(CONNECTION).upload("file", fixture("google-ads-fr.tsv"));
        String check = form.test();
        assertThat(form.checkSucceeded()).isTrue();
        assertThat(check).startsWith("Connexion réussie\u00a0: Fichier « google-ads-fr.tsv » reconnu")
                .contains("Google Ads", "en-tête ligne 3", "4 ligne(s) du 01/11/2026 au 02/11/2026", "2 campagne(s)");
        // No account column in the file: one account for the whole file.
        assertThat(form.accounts()).hasSize(1);
        String account = form.accounts().getFirst();
        form.tickAccount(account);
        connections = form.save();

        ConnectionFormPage connection = connections.openConnection(CONNECTION);
        UUID connectionId = UUID.fromString(connection.path().substring(connection.path().lastIndexOf('/') + 1));
        UUID tenant = TenantSql.tenantNamed(dataSource, organisation);
        List<String> run = connection.syncNow().waitForLatestRun("Réussie", 60_000);
        // The file's four data lines (the title and total lines are not data).
        Map<String, Object> facts = facts(tenant, connectionId);
        assertThat(facts.get("n")).isEqualTo(4L);
        // Cost: 45,67 + 1 012,30 + 51,20 + 9,80; clicks: 87 + (--) + 90 + 21; impressions: 1 234 + 12 345 + 1 456 + 10 002.
        assertThat((BigDecimal) facts.get("cost")).isEqualByComparingTo("1118.97");
        assertThat(((Number) facts.get("clicks")).longValue()).isEqualTo(198L);
        assertThat(((Number) facts.get("impressions")).longValue()).isEqualTo(25_037L);
        // "--" is unknown, not zero.
        assertThat(facts.get("unknown_clicks")).isEqualTo(1L);
        Map<String, Object> stored = lastRun(tenant, connectionId);
        assertThat(digits(run.get(3))).isEqualTo(stored.get("records_read"));
        assertThat(digits(run.get(4))).isEqualTo(stored.get("records_written"));
        assertThat(digits(run.get(5))).isZero();
        // Each daily line is written (plus the account and its two campaigns).
        assertThat(stored.get("records_written")).isEqualTo(4L + 2 + 1);

        // A file with a bad number on line 7, all or nothing: the run fails naming the line, nothing is stored.
        Path broken = fixture("bad-number-line7.csv");
        connection.upload("file", broken);
        connections = connection.save();
        connection = connections.openConnection(CONNECTION);
        run = connection.syncNow().waitForLatestRun("Échouée", 60_000);
        // Said in words under the run, each bad line on its own line, with what to do.
        assertThat(connection.latestRunMessage()).isEqualTo("1 ligne(s) en erreur, rien n’est importé :\n"
                + "ligne 7 : Clics : « 9O » n’est pas un nombre\n"
                + "Corrigez le fichier ou choisissez d’ignorer les lignes en erreur.");
        assertThat(facts(tenant, connectionId).get("n")).isEqualTo(4L);
        assertThat(TenantSql.one(dataSource, tenant, "select count(*) as n from synced_campaigns where connection_id = ?",
                connectionId).get("n")).isEqualTo(2L);
        screenshot(page, "CsvImportJourneyTest-all-or-nothing");

        // Skipping bad lines: the four good lines are imported, the bad one listed with its line and reason.
        connection.choose("onError", SKIP_BAD_LINES);
        connections = connection.save();
        connection = connections.openConnection(CONNECTION);
        run = connection.syncNow().waitForLatestRun("Réussie", 60_000);
        assertThat(digits(run.get(5))).isEqualTo(1L);
        facts = facts(tenant, connectionId);
        assertThat(facts.get("n")).isEqualTo(8L);
        // The good lines of the broken file: 45,67 + 50,10 + 51,00 + 53,20 and 87 + 90 + 92 + 95 clicks.
        assertThat((BigDecimal) facts.get("cost")).isEqualByComparingTo(new BigDecimal("1118.97").add(new BigDecimal("199.97")));
        assertThat(((Number) facts.get("clicks")).longValue()).isEqualTo(198L + 364);
        List<List<String>> refused = connection.refusedRecordsOfLatestRun();
        assertThat(refused).singleElement().satisfies(line -> {
            assertThat(line.get(0)).contains("7");
            assertThat(line.get(1)).contains("9O");
        });
        screenshot(page, "CsvImportJourneyTest-refused-line");
    }

    private Map<String, Object> facts(UUID tenant, UUID connectionId) {
        return TenantSql.one(dataSource, tenant, "select count(*) as n, sum(cost) as cost, sum(clicks) as clicks,"
                + " sum(impressions) as impressions, count(*) filter (where clicks is null) as unknown_clicks"
                + " from metric_facts where connection_id = ?", connectionId);
    }

    private Map<String, Object> lastRun(UUID tenant, UUID connectionId) {
        return TenantSql.query(dataSource, tenant, "select status, records_read, records_written, records_rejected, message"
                + " from sync_runs where connection_id = ? order by queued_at desc limit 1", connectionId).getFirst();
    }

    /** A copy of a test file under its own name (the check message names it). */
    private Path fixture(String name) throws IOException {
        Path copy = files.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    private static long digits(String cell) {
        return Long.parseLong(cell.replaceAll("\\D", ""));
    }
}
