package com.campagne.reports;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantRepository;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every hour, the scheduled client reports that are due: each is built for its period, archived and
 * e-mailed with its PDF, then its next run is set. A db-scheduler recurring task, started with the others by
 * the job engine ({@code SyncScheduling}). Each tenant's schedules are read and run in that tenant's own
 * scope, acting as the organisation itself (a manager without a person), so row-level security and the
 * services' checks apply as for a user. A failure is logged and kept on the schedule; the run is retried the
 * next hour and finds the report it already archived instead of making another.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduledReports {

    static final String TASK = "scheduled-reports";

    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

    private final TenantRepository tenants;
    private final ReportScheduleRepository schedules;
    private final CampaignRepository campaigns;
    private final ReportService reports;
    private final TenantTransactions transactions;
    private final Clock clock;

    ScheduledReports(TenantRepository tenants, ReportScheduleRepository schedules, CampaignRepository campaigns,
                     ReportService reports, TenantTransactions transactions, Clock clock) {
        this.tenants = tenants;
        this.schedules = schedules;
        this.campaigns = campaigns;
        this.reports = reports;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> scheduledReportsTask() {
        return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> log.info("Scheduled reports sent: {}", runDue()));
    }

    /** Runs the reports due now (the injected clock's now). */
    public int runDue() {
        return runDue(clock.instant());
    }

    /** Runs the reports due at {@code now}, tenant by tenant; returns how many were sent. */
    public int runDue(Instant now) {
        int sent = 0;
        List<Tenant> all = transactions.inScope(new TenantContext.Scope(null, null, null),
                (Supplier<List<Tenant>>) tenants::findAll);
        for (Tenant tenant : all) {
            List<UUID> due = asTenant(tenant, () -> schedules
                    .findByEnabledTrueAndNextRunAtLessThanEqualOrderByNextRunAtAsc(now).stream()
                    .map(ReportSchedule::getId).toList());
            for (UUID scheduleId : due) {
                try {
                    if (asTenant(tenant, () -> run(tenant, scheduleId, now))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    // One report's trouble must not keep the others back; the next hour tries it again.
                    log.warn("Scheduled report {} of tenant {} failed; retried next hour", scheduleId, tenant.getId(), e);
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    asTenant(tenant, () -> {
                        schedules.findById(scheduleId).ifPresent(s -> s.setLastError(
                                reason.length() > 2000 ? reason.substring(0, 2000) : reason));
                        return null;
                    });
                }
            }
        }
        return sent;
    }

    /**
     * One due schedule: the report of its period archived (or found, on a retry), mailed, the next run set.
     * The period follows from the run that was due, not from now, so a late run still reports the right week.
     */
    private boolean run(Tenant tenant, UUID scheduleId, Instant now) {
        ReportSchedule schedule = schedules.findById(scheduleId).orElse(null);
        if (schedule == null || !schedule.isEnabled() || schedule.getNextRunAt() == null
                || schedule.getNextRunAt().isAfter(now)) {
            return false;
        }
        ZoneId zone = ZoneId.of(tenant.getTimeZone());
        Campaign campaign = schedule.getCampaignId() == null ? null
                : campaigns.findById(schedule.getCampaignId()).orElse(null);
        LocalDate runDay = schedule.getNextRunAt().atZone(zone).toLocalDate();
        ReportCalendar.Period period = ReportCalendar.periodFor(schedule.getKind(), runDay,
                campaign == null ? null : campaign.getStartDate(), campaign == null ? null : campaign.getEndDate());
        Report report = reports.archivedFor(schedule, period.from(), period.to());
        if (report.getSentAt() == null) {
            reports.send(report.getId(), schedule.recipientList());
        }
        schedule.setLastRunAt(now);
        schedule.setLastError(null);
        schedule.setNextRunAt(schedule.getKind() == ReportKind.END_OF_CAMPAIGN ? null
                : ReportCalendar.nextRun(schedule.getKind(), now, zone, null));
        return true;
    }

    /** Work in the tenant's transaction, acting as the organisation (no person): a manager's rights. */
    private <T> T asTenant(Tenant tenant, Supplier<T> work) {
        CampagneUser organisation = new CampagneUser(new UUID(0, 0), "reports@campagne.invalid", null, null,
                tenant.getLocale(), false, true, false,
                new CampagneUser.TenantSelection(tenant.getId(), tenant.getName(), Role.MANAGER, new UUID(0, 0)));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(organisation, null,
                organisation.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return transactions.inScope(TenantContext.Scope.tenant(tenant.getId()), work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
