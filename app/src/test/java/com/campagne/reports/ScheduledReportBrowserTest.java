package com.campagne.reports;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.ui.Formats;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.BrowserTest;
import com.campagne.support.TestEnvironment;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.ReportsPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Download;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when, in French: an agency sets up a weekly report for a client through the screens; when
 * it is due the job archives it, the archive shows it, the client's contact gets the mail with the PDF
 * attached, and that PDF's cost and clicks are the sums of the synced fact rows.
 */
class ScheduledReportBrowserTest extends BrowserTest {

    @Autowired AccountUserDetailsService accounts;
    @Autowired ClientService clients;
    @Autowired ConnectionService connections;
    @Autowired ConnectorCatalog catalog;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired TenantTransactions transactions;
    @Autowired ScheduledReports scheduled;
    @Autowired Clock clock;

    @Test
    void aWeeklyScheduleSetUpOnScreenIsArchivedAndMailedWithItsPdf() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account account = signedUpOwner(TenantKind.AGENCY, "Agence Lumière " + suffix, "Léa Fontaine", Locale.FRENCH);
        CampagneUser owner = accounts.loadUserByUsername(account.email());
        UUID tenant = owner.tenant().tenantId();
        String contact = uniqueEmail("marketing");
        Client client = new Client("Fromagerie Dupont " + suffix);
        client.setContactEmail(contact);
        UUID clientId = as(owner, () -> clients.save(client)).getId();
        ReportFixture.demoSynced(owner, clientId, connections, catalog);

        ClientsPage clientsPage = LoginPage.open(page).logIn(account.email(), account.password());
        clientsPage.openClient(client.getName());
        page.locator("#client-reports").click();
        ReportsPage reports = ReportsPage.current(page);
        assertThat(reports.title()).isEqualTo("Rapports — " + client.getName());
        reports.newSchedule();
        assertThat(reports.scheduleKind()).isEqualTo("Hebdomadaire");
        assertThat(reports.scheduleRecipients()).isEqualTo(contact);
        reports.scheduleCommentary("Les ventes en ligne progressent : on renforce le search la semaine prochaine.")
                .saveSchedule();
        assertThat(reports.dialogOpen()).isFalse();
        assertThat(reports.schedules()).singleElement().satisfies(row -> assertThat(row)
                .contains("Hebdomadaire", "Toutes les campagnes", contact));

        // Set up last week: its Monday run is due now (from Monday midnight: at 6 a.m. it would still be ahead
        // when the test runs early on a Monday).
        LocalDate[] week = ReportFixture.lastWeek(clock);
        UUID scheduleId = (UUID) transactions.inScope(TenantContext.Scope.tenant(tenant), () -> jdbc.queryForObject(
                "select id from report_schedules where client_id = ?", UUID.class, clientId));
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> jdbc.update(
                "update report_schedules set next_run_at = ? where id = ?", java.sql.Timestamp.from(week[1].plusDays(1)
                        .atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()), scheduleId));
        assertThat(scheduled.runDue(clock.instant())).isGreaterThanOrEqualTo(1);

        page.reload();
        reports = ReportsPage.current(page);
        String period = Formats.date(week[0], Locale.FRENCH) + " – " + Formats.date(week[1], Locale.FRENCH);
        assertThat(reports.archive()).singleElement().satisfies(row -> assertThat(row)
                .contains("Rapport hebdomadaire " + client.getName(), "Hebdomadaire", period, "Envoi programmé", contact));
        screenshot(page, "reports-fr");

        // The mail to the client's contact, with the PDF attached.
        byte[] attached = pdfAttachment(contact, "Rapport hebdomadaire");
        ReportFixture.Sums sums = ReportFixture.sums(dataSource, tenant, clientId, week[0], week[1]);
        assertThat(sums.clicks()).isPositive();
        String text = ReportFixture.pdfText(attached);
        assertThat(text).contains("Rapport hebdomadaire", client.getName(), "Les ventes en ligne progressent")
                .contains("Coût " + ReportFixture.normalise(Formats.money(sums.cost(), "EUR", Locale.FRENCH)))
                .contains("Clics " + ReportFixture.normalise(NumberFormat.getIntegerInstance(Locale.FRENCH)
                        .format(sums.clicks())));
        try (PDDocument document = Loader.loadPDF(attached)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Files.createDirectories(SCREENSHOTS);
            ImageIO.write(image, "png", SCREENSHOTS.resolve("report-pdf-fr.png").toFile());
        }

        // The archive's link hands out the same PDF.
        Download download = reports.downloadFirstPdf();
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(attached);
    }

    /** The PDF attached to the latest mail to {@code address} whose subject holds {@code subject}. */
    private static byte[] pdfAttachment(String address, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] messages = TestEnvironment.MAIL.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                MimeMessage m = messages[i];
                var to = m.getRecipients(Message.RecipientType.TO);
                if (to != null && to.length > 0 && ((InternetAddress) to[0]).getAddress().equalsIgnoreCase(address)
                        && m.getSubject() != null && m.getSubject().contains(subject)
                        && m.getContent() instanceof MimeMultipart parts) {
                    for (int p = 0; p < parts.getCount(); p++) {
                        BodyPart part = parts.getBodyPart(p);
                        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                                && part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                            assertThat(part.getContentType()).startsWith("application/pdf");
                            return part.getInputStream().readAllBytes();
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No mail to " + address + " with a PDF attached");
    }
}
