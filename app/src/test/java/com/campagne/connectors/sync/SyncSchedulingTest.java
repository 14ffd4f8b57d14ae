package com.campagne.connectors.sync;

import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.connectors.connections.Schedule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Sync now" and schedules go through db-scheduler's table and its polling threads. */
class SyncSchedulingTest extends SyncTestSupport {

    @Autowired SyncService syncService;
    @Autowired Scheduler scheduler;

    @Test
    void syncNowQueuesOneRunThatTheSchedulerRunsAndASecondClickGetsTheSameRun() throws Exception {
        ConnectionTarget target = newConnection(newTenant(), connector("queued", (context, request, sink) -> {
            sink.accept(row(FIRST_DAY, "acc-1", 1, Device.MOBILE, 1));
            sink.checkpoint("x");
        }), "acc-1");

        UUID runId = asMember(target.tenantId(), () -> syncService.syncNow(target.connectionId()));
        UUID again = asMember(target.tenantId(), () -> syncService.syncNow(target.connectionId()));
        assertThat(again).as("a second click while the first run is queued or running").isEqualTo(runId);

        // The task ends the run on a scheduler thread (FAILED here unless a ConnectionTargets bean
        // loads the connection row; either way it has ended, with a message if it failed).
        SyncHistory.Run run = awaitEnd(target, runId);
        assertThat(run.endedAt()).isNotNull();
        assertThat(run.status() == SyncRunStatus.SUCCEEDED || run.message() != null).isTrue();
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(SyncScheduling.SYNC_TASK, runId + "#1")))
                .as("a finished one-time task leaves no row").isEmpty();

        UUID next = asMember(target.tenantId(), () -> syncService.syncNow(target.connectionId()));
        assertThat(next).as("once ended, a new run").isNotEqualTo(runId);
        awaitEnd(target, next);
    }

    private SyncHistory.Run awaitEnd(ConnectionTarget target, UUID runId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            SyncHistory.Run run = asMember(target.tenantId(), () -> history.run(runId)).orElseThrow();
            if (!run.status().active()) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    @Test
    void aSecondSyncOfARunningConnectionAnswersAtOnceWithTheRunningRunAndItsLiveCounts() throws Exception {
        CountDownLatch emitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConnectionTarget target = newConnection(newTenant(), connector("slow", (context, request, sink) -> {
            for (int i = 0; i < 50; i++) {
                sink.accept(row(FIRST_DAY, "acc-1", i, Device.MOBILE, i));
            }
            emitted.countDown();
            release.await(30, TimeUnit.SECONDS);
            sink.checkpoint("x");
        }), "acc-1");
        store.batchSize(10); // rows flushed, not committed: the session holds its locks meanwhile
        try {
            UUID runId = queue(target);
            SyncProperties settings = SyncProperties.defaults().withRetries(Duration.ofSeconds(40), 1,
                    Duration.ofSeconds(1));
            CompletableFuture<SyncEngine.Outcome> running = CompletableFuture.supplyAsync(
                    () -> engine.run(target, runId, settings), PARALLEL);
            assertThat(emitted.await(20, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<UUID> again = CompletableFuture.supplyAsync(
                    () -> asMember(target.tenantId(), () -> syncService.syncNow(target.connectionId())), PARALLEL);
            assertThat(again.get(5, TimeUnit.SECONDS)).as("not blocked by the running session").isEqualTo(runId);
            SyncHistory.Run live = lastRun(target);
            assertThat(live.status()).isEqualTo(SyncRunStatus.RUNNING);
            assertThat(live.counts()).as("live counts").isEqualTo(new SyncCounts(50, 50, 0));
            assertThat(count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?",
                    target.connectionId())).as("uncommitted").isZero();

            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
            assertThat(progress.counts(runId)).as("forgotten once ended").isEmpty();
        } finally {
            release.countDown();
            store.batchSize(JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);
        }
    }

    @Test
    void aScheduleIsOneTaskPerConnectionReplannedOnChangeAndCancelledOnRemoval() {
        ConnectionTarget target = newConnection(newTenant(), "test-planned", "acc-1");
        TaskInstanceId plan = TaskInstanceId.of(SyncScheduling.PLAN_TASK, target.connectionId().toString());

        asMember(target.tenantId(), () -> {
            syncService.scheduleChanged(target.connectionId(), Schedule.DAILY);
            return null;
        });
        Instant daily = scheduler.getScheduledExecution(plan).orElseThrow().getExecutionTime();
        assertThat(daily).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
        ZonedDateTime local = daily.atZone(ZoneId.of("Europe/Paris"));
        assertThat(local.getHour()).as("at night").isEqualTo(3);

        asMember(target.tenantId(), () -> {
            syncService.scheduleChanged(target.connectionId(), Schedule.HOURLY);
            return null;
        });
        Instant hourly = scheduler.getScheduledExecution(plan).orElseThrow().getExecutionTime();
        assertThat(hourly).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(((SyncTaskData) scheduler.getScheduledExecution(plan).orElseThrow().getData()).schedule())
                .isEqualTo("HOURLY");

        asMember(target.tenantId(), () -> {
            syncService.scheduleChanged(target.connectionId(), Schedule.MANUAL);
            return null;
        });
        assertThat(scheduler.getScheduledExecution(plan)).as("manual: nothing planned").isEmpty();

        asMember(target.tenantId(), () -> {
            syncService.scheduleChanged(target.connectionId(), Schedule.WEEKLY);
            syncService.connectionRemoved(target.connectionId());
            return null;
        });
        assertThat(scheduler.getScheduledExecution(plan)).as("removed").isEmpty();
    }

    @Test
    void nextFiringsAreSpreadAndInTheFuture() {
        SyncProperties settings = SyncProperties.defaults();
        Instant now = Instant.parse("2026-11-23T10:15:00Z");
        UUID connection = UUID.fromString("00000000-0000-0000-0000-000000000007");
        assertThat(SyncScheduling.nextFiring(Schedule.MANUAL, connection, now, settings)).isNull();
        assertThat(SyncScheduling.nextFiring(Schedule.HOURLY, connection, now, settings))
                .isEqualTo(Instant.parse("2026-11-23T11:07:00Z"));
        assertThat(SyncScheduling.nextFiring(Schedule.DAILY, connection, now, settings))
                .as("03:07 in Paris (UTC+1)").isEqualTo(Instant.parse("2026-11-24T02:07:00Z"));
        assertThat(SyncScheduling.nextFiring(Schedule.WEEKLY, connection, now, settings))
                .as("next Monday night").isEqualTo(Instant.parse("2026-11-30T02:07:00Z"));
    }

    @Test
    void onlyMembersWhoWorkOnConnectionsMaySync() {
        ConnectionTarget target = newConnection(newTenant(), "test-denied", "acc-1");
        assertThatThrownBy(() -> syncService.syncNow(target.connectionId()))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
