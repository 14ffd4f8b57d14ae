package com.campagne.plans.tasks;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.plans.CampaignRepository;
import com.campagne.tenancy.MembershipRepository;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The daily reminder of tasks due within two days (or already late) and not done: one e-mail per task,
 * ever ({@code reminded_at}), unless its due date or assignee changes. A db-scheduler recurring task,
 * started with the others by the job engine ({@code SyncScheduling}). The directory of tenants is
 * installation-wide; each tenant's tasks are read and marked in that tenant's own scope, so row-level
 * security applies as for a user.
 */
@Configuration(proxyBeanMethods = false)
public class TaskReminders {

    static final String REMINDERS_TASK = "task-reminders";
    static final int DAYS_AHEAD = 2;

    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

    private final TenantRepository tenants;
    private final TaskRepository tasks;
    private final CampaignRepository campaigns;
    private final MembershipRepository memberships;
    private final TaskMails mails;
    private final TenantTransactions transactions;
    private final Clock clock;

    TaskReminders(TenantRepository tenants, TaskRepository tasks, CampaignRepository campaigns,
                  MembershipRepository memberships, TaskMails mails, TenantTransactions transactions, Clock clock) {
        this.tenants = tenants;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.memberships = memberships;
        this.mails = mails;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> taskRemindersTask() {
        return Tasks.recurring(REMINDERS_TASK, Schedules.daily(LocalTime.of(7, 0)))
                .execute((instance, context) -> log.info("Task reminders sent: {}", sendDue()));
    }

    /** Sends the reminders due now, tenant by tenant; returns how many went out. */
    public int sendDue() {
        int sent = 0;
        List<Tenant> all = transactions.inScope(new TenantContext.Scope(null, null, null),
                (Supplier<List<Tenant>>) tenants::findAll);
        for (Tenant tenant : all) {
            try {
                sent += transactions.inScope(TenantContext.Scope.tenant(tenant.getId()), (Supplier<Integer>) () -> remind(tenant));
            } catch (RuntimeException e) {
                // One tenant's trouble must not keep the others' reminders back.
                log.warn("Task reminders of tenant {} failed", tenant.getId(), e);
            }
        }
        return sent;
    }

    private int remind(Tenant tenant) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.getTimeZone())));
        int sent = 0;
        for (Task task : tasks.findToRemind(today.plusDays(DAYS_AHEAD))) {
            UUID assigneeId = task.getAssigneeId();
            var assignee = memberships.findById(assigneeId).filter(m -> m.getRole() != Role.CLIENT_VIEWER);
            var campaign = campaigns.findById(task.getCampaignId());
            if (assignee.isEmpty() || campaign.isEmpty()) {
                continue;
            }
            if (mails.reminder(task, campaign.get(), assignee.get())) {
                task.reminded(clock.instant());
                sent++;
            }
        }
        return sent;
    }
}
