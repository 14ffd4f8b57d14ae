package com.campagne.connectors.sync;

import com.campagne.base.db.TenantContext;
import com.campagne.connectors.connections.Schedule;
import com.campagne.tenancy.Role;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * {@link SyncService} on the sync engine and db-scheduler: "sync now" queues a run and its task, a
 * schedule is one {@code scheduled-sync} task instance per connection.
 */
@Service
public class DbSchedulerSyncService implements SyncService {

    private static final Logger log = LoggerFactory.getLogger(DbSchedulerSyncService.class);

    private final SyncEngine engine;
    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DbSchedulerSyncService(SyncEngine engine, Scheduler syncScheduler, JdbcTemplate jdbc, Clock clock) {
        this.engine = engine;
        this.scheduler = syncScheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public UUID syncNow(UUID connectionId) {
        UUID tenantId = TenantContext.requireTenant();
        UUID userId = TenantContext.current().map(TenantContext.Scope::userId).orElse(null);
        SyncEngine.Queued queued = engine.queue(tenantId, connectionId, SyncTrigger.MANUAL, userId)
                .orElseThrow(() -> new NoSuchElementException("No connection " + connectionId));
        if (queued.isNew()) {
            // The run's row is committed (its own transaction): the task may start at once.
            scheduler.scheduleIfNotExists(SyncScheduling.syncInstance(
                    new SyncTaskData(tenantId, connectionId, queued.runId(), null), 1), clock.instant());
        }
        return queued.runId();
    }

    @Override
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void scheduleChanged(UUID connectionId, Schedule schedule) {
        UUID tenantId = requireConnection(connectionId);
        TaskInstanceId id = TaskInstanceId.of(SyncScheduling.PLAN_TASK, connectionId.toString());
        cancel(id);
        if (schedule != Schedule.MANUAL) {
            var instance = SyncScheduling.planInstance(tenantId, connectionId, schedule);
            var at = SyncScheduling.nextFiring(schedule, connectionId, clock.instant(), engine.settings());
            if (!scheduler.scheduleIfNotExists(instance, at)) {
                scheduler.reschedule(id, at, instance.getData());
            }
        }
    }

    @Override
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void connectionRemoved(UUID connectionId) {
        requireConnection(connectionId);
        cancel(TaskInstanceId.of(SyncScheduling.PLAN_TASK, connectionId.toString()));
        // Queued runs are deleted with the connection (cascade); their tasks then find no run and end.
    }

    /** The current tenant, after checking the connection is one of its own (row-level security). */
    private UUID requireConnection(UUID connectionId) {
        UUID tenantId = TenantContext.requireTenant();
        Integer found = jdbc.queryForObject("select count(*) from connections where tenant_id = ? and id = ?",
                Integer.class, tenantId, connectionId);
        if (found == null || found == 0) {
            throw new NoSuchElementException("No connection " + connectionId);
        }
        return tenantId;
    }

    private void cancel(TaskInstanceId id) {
        if (scheduler.getScheduledExecution(id).isPresent()) {
            try {
                scheduler.cancel(id);
            } catch (RuntimeException e) {
                // It is firing right now: it will re-plan itself with the schedule it carries.
                log.warn("Could not cancel {}: {}", id.getId(), e.getMessage());
            }
        }
    }
}
