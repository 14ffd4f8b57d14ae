package com.campagne.reports;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.ui.Formats;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.UserRepository;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A report over a week of demo figures synced by the engine: the cost and clicks its PDF and workbook show are
 * the sums of the raw fact rows computed here in SQL, written the French way; a scheduled run archives one
 * report per period however often it runs.
 */
class ReportServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired ConnectionService connections;
    @Autowired ConnectorCatalog catalog;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReportService reports;
    @Autowired ReportScheduleService schedules;
    @Autowired ScheduledReports scheduled;

    @Test
    void theReportsCostAndClicksAreTheSumsOfTheFactRowsWrittenTheFrenchWay() throws Exception {
        CampagneUser owner = ReportFixture.owner(signup, accounts, transactions, users, clock,
                "Agence Bilan " + UUID.randomUUID().toString().substring(0, 6));
        UUID tenant = owner.tenant().tenantId();
        Client client = new Client("Boulangerie Martin");
        client.setContactEmail("contact-" + UUID.randomUUID().toString().substring(0, 8) + "@boulangerie.test");
        UUID clientId = as(owner, () -> clients.save(client)).getId();
        ReportFixture.demoSynced(owner, clientId, connections, catalog);

        LocalDate[] week = ReportFixture.lastWeek(clock);
        ReportFixture.Sums sums = ReportFixture.sums(dataSource, tenant, clientId, week[0], week[1]);
        assertThat(sums.clicks()).as("demo clicks last week").isPositive();
        assertThat(sums.cost()).as("demo cost last week").isPositive();

        Report report = as(owner, () -> reports.generate(new ReportService.Request(clientId, null, ReportKind.ON_DEMAND,
                week[0], week[1], "Belle semaine : la campagne Noël démarre fort.", Locale.FRENCH), List.of()));
        assertThat(report.getTitle()).contains("Boulangerie Martin");

        String cost = ReportFixture.normalise(Formats.money(sums.cost(), "EUR", Locale.FRENCH));
        String clicks = ReportFixture.normalise(NumberFormat.getIntegerInstance(Locale.FRENCH).format(sums.clicks()));
        assertThat(cost).matches("\\d{1,3}( \\d{3})*,\\d{2} €");
        String text = ReportFixture.pdfText(report.getPdf());
        assertThat(text).contains("Chiffres clés", "Belle semaine", "Page 1 / ")
                .contains("Coût " + cost).contains("Clics " + clicks);

        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(report.getXlsx()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Chiffres clés");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Par jour");
            assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("Par canal");
            Row costRow = kpiRow(book.getSheetAt(0), "Coût");
            Row clicksRow = kpiRow(book.getSheetAt(0), "Clics");
            assertThat(costRow.getCell(1).getNumericCellValue()).isCloseTo(sums.cost().doubleValue(), within(0.000001));
            assertThat(costRow.getCell(1).getCellStyle().getDataFormatString()).contains("#,##0.00");
            assertThat(clicksRow.getCell(1).getNumericCellValue()).isEqualTo((double) sums.clicks());
            // Seven days, one row each, whose costs add up to the week's.
            Sheet days = book.getSheetAt(1);
            assertThat(days.getLastRowNum()).isEqualTo(7);
            double daily = 0;
            for (int r = 1; r <= 7; r++) {
                daily += days.getRow(r).getCell(1).getNumericCellValue();
            }
            assertThat(daily).isCloseTo(sums.cost().doubleValue(), within(0.0001));
        }
        assertThat(as(owner, () -> reports.archive(clientId))).singleElement()
                .satisfies(s -> assertThat(s.generatedBy()).isEqualTo("Camille Rapport"));

        // A weekly schedule due since last Monday runs once: a second run finds nothing due, and the report of
        // that week, asked for again, is the one already archived.
        ReportSchedule schedule = as(owner, () -> schedules.save(schedules.draft(clientId)));
        assertThat(schedule.getRecipients()).isEqualTo(client.getContactEmail());
        makeDue(tenant, schedule.getId(), week[1].plusDays(1));
        assertThat(scheduled.runDue(clock.instant())).isEqualTo(1);
        assertThat(scheduled.runDue(clock.instant())).isZero();
        List<ReportSummary> archive = as(owner, () -> reports.archive(clientId));
        assertThat(archive).hasSize(2).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(ReportKind.WEEKLY);
            assertThat(s.periodFrom()).isEqualTo(week[0]);
            assertThat(s.periodTo()).isEqualTo(week[1]);
            assertThat(s.sentTo()).isEqualTo(client.getContactEmail());
        });
        ReportSchedule ran = as(owner, () -> schedules.find(schedule.getId())).orElseThrow();
        assertThat(ran.getNextRunAt()).isAfter(clock.instant());
        assertThat(ran.getLastError()).isNull();
        Report again = transactions.inScope(TenantContext.Scope.tenant(tenant), () ->
                as(owner, () -> reports.archivedFor(ran, week[0], week[1])));
        assertThat(archive.stream().filter(s -> s.kind() == ReportKind.WEEKLY).findFirst().orElseThrow().id())
                .isEqualTo(again.getId());
        assertThat(TenantSql.one(dataSource, tenant, "select count(*) as n from reports where client_id = ?", clientId)
                .get("n")).isEqualTo(2L);
    }

    /** The schedule was set up earlier: its run is due since 06:00 on {@code day} (Paris). */
    private void makeDue(UUID tenant, UUID scheduleId, LocalDate day) {
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> jdbc.update(
                "update report_schedules set next_run_at = ? where id = ?",
                // Midnight, not the 6 a.m. of a real schedule: between midnight and 6 on a Monday that is still ahead.
                java.sql.Timestamp.from(day.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()),
                scheduleId));
    }

    private static Row kpiRow(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getRowNum() > ReportXlsx.KPI_HEADER_ROW && row.getCell(0) != null
                    && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("No KPI row " + label);
    }

}
