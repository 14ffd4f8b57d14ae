package com.campagne.reports;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientService;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports and schedules stay inside their organisation — through the services, in SQL under row-level
 * security and in the scheduled job — and a client viewer reads the archive of the clients granted only.
 */
class ReportIsolationTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired MembershipRepository memberships;
    @Autowired ClientGrantRepository grants;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired ReportService reports;
    @Autowired ReportScheduleService schedules;
    @Autowired ScheduledReports scheduled;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anotherOrganisationAndAClientViewerOfAnotherClientSeeNoReportAndNoSchedule() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CampagneUser alice = ReportFixture.owner(signup, accounts, transactions, users, clock, "Agence Alice " + suffix);
        CampagneUser bob = ReportFixture.owner(signup, accounts, transactions, users, clock, "Agence Bob " + suffix);
        Client granted = new Client("Cidrerie Le Goff");
        granted.setContactEmail("cidre-" + suffix + "@client.test");
        UUID grantedId = as(alice, () -> clients.save(granted)).getId();
        UUID otherId = as(alice, () -> clients.save(new Client("Crêperie Morvan"))).getId();
        LocalDate to = LocalDate.now(clock).minusDays(1);
        Report report = as(alice, () -> reports.generate(new ReportService.Request(grantedId, null, ReportKind.ON_DEMAND,
                to.minusDays(6), to, null, Locale.FRENCH), List.of()));
        Report other = as(alice, () -> reports.generate(new ReportService.Request(otherId, null, ReportKind.ON_DEMAND,
                to.minusDays(6), to, null, Locale.FRENCH), List.of()));
        ReportSchedule schedule = as(alice, () -> schedules.save(schedules.draft(grantedId)));
        UUID aliceTenant = alice.tenant().tenantId();
        UUID bobTenant = bob.tenant().tenantId();

        // Another organisation: no archive, no download, no schedule, nothing to change or send.
        assertThat(as(bob, () -> reports.archive(grantedId))).isEmpty();
        assertThatThrownBy(() -> as(bob, () -> reports.pdf(report.getId())))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThatThrownBy(() -> as(bob, () -> reports.xlsx(report.getId())))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThatThrownBy(() -> as(bob, () -> reports.send(report.getId(), List.of("bob-" + suffix + "@evil.test"))))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThatThrownBy(() -> as(bob, () -> reports.generate(new ReportService.Request(grantedId, null,
                ReportKind.ON_DEMAND, to.minusDays(6), to, null, Locale.FRENCH), List.of())))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThat(as(bob, () -> schedules.list(grantedId))).isEmpty();
        assertThat(as(bob, () -> schedules.find(schedule.getId()))).isEmpty();
        assertThatThrownBy(() -> as(bob, () -> schedules.delete(schedule.getId())))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThatThrownBy(() -> as(bob, () -> schedules.draft(grantedId)))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        // In SQL, row-level security hides the rows even when asked by id.
        assertThat(TenantSql.query(dataSource, bobTenant, "select id from reports where id = ?", report.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, bobTenant, "select id from report_schedules where id = ?", schedule.getId()))
                .isEmpty();
        assertThat(TenantSql.query(dataSource, aliceTenant, "select id from reports where client_id = ?", grantedId))
                .hasSize(1);
        assertThatThrownBy(() -> transactions.inScope(TenantContext.Scope.tenant(bobTenant), () -> jdbc.update(
                "insert into reports (tenant_id, id, client_id, kind, period_from, period_to, title, language,"
                        + " generated_at, pdf, xlsx, version) values (?, ?, ?, 'ON_DEMAND', current_date, current_date,"
                        + " 'x', 'fr', now(), ''::bytea, ''::bytea, 0)", aliceTenant, UUID.randomUUID(), grantedId)))
                .isInstanceOf(RuntimeException.class);

        // The job runs each schedule in its own organisation: Alice's report lands with Alice only.
        transactions.inScope(TenantContext.Scope.tenant(aliceTenant), () -> jdbc.update(
                "update report_schedules set next_run_at = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minusSeconds(60)), schedule.getId()));
        scheduled.runDue(clock.instant());
        assertThat(TenantSql.query(dataSource, aliceTenant, "select id from reports where schedule_id = ?",
                schedule.getId())).hasSize(1);
        assertThat(TenantSql.query(dataSource, bobTenant, "select id from reports")).isEmpty();
        assertThat(TenantSql.query(dataSource, bobTenant, "select id from report_schedules")).isEmpty();

        // A client viewer reads the archive of the client granted, and only read.
        CampagneUser viewer = ReportFixture.viewerOf(alice, grantedId, accounts, transactions, users, memberships,
                grants, clock);
        assertThat(as(viewer, () -> reports.archive(grantedId))).extracting(ReportSummary::id).contains(report.getId());
        assertThat(as(viewer, () -> reports.pdf(report.getId())).bytes()).isEqualTo(report.getPdf());
        assertThat(as(viewer, () -> reports.archive(otherId))).isEmpty();
        assertThatThrownBy(() -> as(viewer, () -> reports.pdf(other.getId())))
                .isInstanceOf(ReportService.ReportNotFoundException.class);
        assertThatThrownBy(() -> as(viewer, () -> reports.generate(new ReportService.Request(grantedId, null,
                ReportKind.ON_DEMAND, to.minusDays(6), to, null, Locale.FRENCH), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> schedules.list(grantedId))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> reports.send(report.getId(), List.of("v@x.test"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(viewer, () -> schedules.find(schedule.getId()))).isEmpty();
    }
}
