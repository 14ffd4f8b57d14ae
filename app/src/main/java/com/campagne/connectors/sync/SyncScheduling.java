package com.campagne.connectors.sync;

import com.campagne.connectors.connections.Schedule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/**
 * The job engine: db-scheduler on the app's own pool and its {@code scheduled_tasks} table (README,
 * "Sync engine"). Three tasks: {@code sync-connection} runs one attempt of a run;
 * {@code scheduled-sync}, one instance per connection, queues a run and plans its own next firing
 * from the connection's {@link Schedule}; {@code metric-partitions} creates the coming months'
 * partitions every night.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
public class SyncScheduling {

    static final String SYNC_TASK = "sync-connection";
    static final String PLAN_TASK = "scheduled-sync";
    static final String PARTITIONS_TASK = "metric-partitions";

    private static final Logger log = LoggerFactory.getLogger(SyncScheduling.class);

    @Bean
    OneTimeTask<SyncTaskData> syncConnectionTask(SyncEngine engine) {
        return Tasks.oneTime(SYNC_TASK, SyncTaskData.class)
                .execute((instance, context) -> {
                    SyncTaskData data = instance.getData();
                    SyncEngine.Outcome outcome = engine.run(data.tenantId(), data.connectionId(), data.runId());
                    if (outcome.retryAt() != null) {
                        context.getSchedulerClient().scheduleIfNotExists(syncInstance(data, outcome.attempt()),
                                outcome.retryAt());
                    }
                });
    }

    @Bean
    CustomTask<SyncTaskData> scheduledSyncTask(SyncEngine engine, SyncProperties settings, Clock clock) {
        return Tasks.custom(PLAN_TASK, SyncTaskData.class)
                .execute((instance, context) -> {
                    SyncTaskData data = instance.getData();
                    Schedule schedule = Schedule.valueOf(data.schedule());
                    var queued = engine.queue(data.tenantId(), data.connectionId(), SyncTrigger.SCHEDULED, null);
                    if (queued.isEmpty()) {
                        log.info("Connection {} is gone: its schedule is dropped", data.connectionId());
                        return (CompletionHandler<SyncTaskData>) (complete, operations) -> operations.remove();
                    }
                    if (queued.get().isNew()) {
                        context.getSchedulerClient().scheduleIfNotExists(
                                syncInstance(new SyncTaskData(data.tenantId(), data.connectionId(),
                                        queued.get().runId(), null), 1), clock.instant());
                    }
                    Instant next = nextFiring(schedule, data.connectionId(), clock.instant(), settings);
                    return next == null
                            ? (CompletionHandler<SyncTaskData>) (complete, operations) -> operations.remove()
                            : (complete, operations) -> operations.reschedule(complete, next);
                });
    }

    @Bean
    RecurringTask<Void> metricPartitionsTask(JdbcTemplate jdbc) {
        return Tasks.recurring(PARTITIONS_TASK, Schedules.daily(LocalTime.of(1, 30)))
                .execute((instance, context) -> {
                    Integer created = jdbc.queryForObject("select ensure_metric_partitions(current_date, 13)",
                            Integer.class);
                    log.info("Metric partitions created ahead: {}", created);
                });
    }

    @Bean
    Scheduler syncScheduler(DataSource dataSource, SyncProperties settings, OneTimeTask<SyncTaskData> syncConnectionTask,
                            CustomTask<SyncTaskData> scheduledSyncTask, List<RecurringTask<?>> recurringTasks) {
        // Every recurring task of the app (metric partitions, task reminders…) runs on this one engine.
        return Scheduler.create(dataSource, List.of(syncConnectionTask, scheduledSyncTask))
                .startTasks(recurringTasks)
                .serializer(SyncTaskData.SERIALIZER)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    /** Starts polling once the context is up, stops before the pool closes. */
    @Bean
    SmartLifecycle syncSchedulerLifecycle(Scheduler syncScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                syncScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                // Running syncs get the grace period, then are interrupted; another node (or this one
                // at its next start) revives them as dead executions, and they resume from their state.
                syncScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    static TaskInstance<SyncTaskData> syncInstance(SyncTaskData data, int attempt) {
        return new TaskInstance<>(SYNC_TASK, data.runId() + "#" + attempt, data);
    }

    static TaskInstance<SyncTaskData> planInstance(UUID tenantId, UUID connectionId, Schedule schedule) {
        return new TaskInstance<>(PLAN_TASK, connectionId.toString(),
                new SyncTaskData(tenantId, connectionId, null, schedule.name()));
    }

    /**
     * When a connection syncs next by itself: each at its own minute of the hour (from its id), so that
     * nightly syncs of many connections spread over an hour rather than all start at once.
     */
    static Instant nextFiring(Schedule schedule, UUID connectionId, Instant after, SyncProperties settings) {
        int minute = Math.floorMod(connectionId.hashCode(), 60);
        ZonedDateTime now = after.atZone(settings.zone());
        ZonedDateTime next = switch (schedule) {
            case MANUAL -> null;
            case HOURLY -> now.truncatedTo(ChronoUnit.HOURS).plusMinutes(minute);
            case DAILY -> now.with(settings.nightTime()).plusMinutes(minute);
            case WEEKLY -> now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(settings.nightTime())
                    .plusMinutes(minute);
        };
        if (next == null) {
            return null;
        }
        while (!next.isAfter(now)) {
            next = switch (schedule) {
                case HOURLY -> next.plusHours(1);
                case DAILY -> next.plusDays(1);
                default -> next.plusWeeks(1);
            };
        }
        return next.toInstant();
    }
}
