package com.campagne.connectors.sync;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.connections.ConnectionTarget;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a connector does wrong stays within its run: the run ends with a status and a message,
 * the other connections' runs go on, the scheduler thread comes back, and only valid rows of the
 * accounts asked for are stored — exactly once, even across a crash and a resume.
 */
class SyncFaultContainmentTest extends SyncTestSupport {

    static final SyncProperties FAST = SyncProperties.defaults().withRetries(Duration.ofSeconds(3), 2,
            Duration.ofSeconds(1));

    /** Emits {@code rows} rows of account acc-1 on the first day, then ends. */
    String goodConnector(int rows) {
        return connector("good", (context, request, sink) -> {
            for (int i = 0; i < rows; i++) {
                sink.accept(row(FIRST_DAY, "acc-1", i, Device.MOBILE, 100 + i));
            }
            sink.checkpoint("{\"done\":true}");
        });
    }

    long metricRows(ConnectionTarget target) {
        return count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?",
                target.connectionId());
    }

    @Test
    void aConnectorThatThrowsFailsItsRunWithAMessageWhileAnotherConnectionSyncs() throws Exception {
        UUID[] tenant = newTenant();
        ConnectionTarget crashing = newConnection(tenant, connector("throws", (context, request, sink) -> {
            sink.accept(row(FIRST_DAY, "acc-1", 1, Device.MOBILE, 10));
            throw new NullPointerException("bug in the plugin");
        }), "acc-1");
        ConnectionTarget refused = newConnection(tenant, connector("bad-settings", (context, request, sink) -> {
            throw new BadSettingsException("customerId", Text.of("L’identifiant client est inconnu.",
                    "The customer id is unknown."));
        }), "acc-1");
        ConnectionTarget good = newConnection(tenant, goodConnector(25), "acc-1");

        CompletableFuture<SyncEngine.Outcome> crash = CompletableFuture.supplyAsync(() -> sync(crashing, FAST),
                PARALLEL);
        CompletableFuture<SyncEngine.Outcome> ok = CompletableFuture.supplyAsync(() -> sync(good, FAST), PARALLEL);
        assertThat(crash.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(ok.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(sync(refused, FAST).status()).isEqualTo(SyncRunStatus.FAILED);

        SyncHistory.Run crashed = lastRun(crashing);
        assertThat(crashed.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(crashed.failureType()).isEqualTo("PERMANENT");
        assertThat(crashed.message()).contains("erreur interne").contains("NullPointerException");
        assertThat(crashed.startedAt()).isNotNull();
        assertThat(crashed.endedAt()).isNotNull();
        assertThat(crashed.counts().read()).isEqualTo(1);
        assertThat(metricRows(crashing)).as("an uncheckpointed row of a failed run").isZero();

        SyncHistory.Run badSettings = lastRun(refused);
        assertThat(badSettings.failureType()).isEqualTo("BAD_SETTINGS");
        assertThat(badSettings.message()).isEqualTo("L’identifiant client est inconnu.");

        SyncHistory.Run succeeded = lastRun(good);
        assertThat(succeeded.status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(succeeded.counts()).isEqualTo(new SyncCounts(25, 25, 0));
        assertThat(metricRows(good)).isEqualTo(25);
        assertThat(store.savedState(good.tenantId(), good.connectionId())).contains("{\"done\":true}");
    }

    @Test
    void aMissingConnectorFailsTheRunAsUnavailable() {
        ConnectionTarget orphan = newConnection(newTenant(), "test-uninstalled", "acc-1");
        assertThat(sync(orphan, FAST).status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(lastRun(orphan).message()).startsWith("Connecteur indisponible");
    }

    @Test
    void aHangingConnectorIsAbandonedAtTheTimeOutRetriedThenFailedAndItsLatePushesAreRefused() throws Exception {
        UUID[] tenant = newTenant();
        AtomicReference<Throwable> latePush = new AtomicReference<>();
        CompletableFuture<Void> lateDone = new CompletableFuture<>();
        ConnectionTarget hanging = newConnection(tenant, connector("hangs", (context, request, sink) -> {
            sink.accept(row(FIRST_DAY, "acc-1", 1, Device.MOBILE, 10));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                // Deaf to interrupts, as a plugin stuck in a native call would be.
                Thread.onSpinWait();
            }
            try {
                sink.accept(row(FIRST_DAY, "acc-1", 2, Device.MOBILE, 20));
            } catch (Throwable e) {
                latePush.set(e);
            } finally {
                lateDone.complete(null);
            }
        }), "acc-1");
        ConnectionTarget good = newConnection(tenant, goodConnector(3), "acc-1");

        UUID runId = queue(hanging);
        long start = System.nanoTime();
        SyncEngine.Outcome first = engine.run(hanging, runId, FAST);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("the engine's thread is back soon after the time-out").isLessThan(Duration.ofSeconds(8));
        assertThat(first.status()).isEqualTo(SyncRunStatus.QUEUED);
        assertThat(first.attempt()).isEqualTo(2);
        assertThat(first.retryAt()).isAfter(Instant.now().minusSeconds(1));
        SyncHistory.Run retrying = lastRun(hanging);
        assertThat(retrying.status()).isEqualTo(SyncRunStatus.QUEUED);
        assertThat(retrying.attempt()).isEqualTo(2);
        assertThat(retrying.failureType()).isEqualTo("TRANSIENT");
        assertThat(retrying.message()).contains("pas répondu à temps").contains("Nouvel essai (2/2)");

        // The same thread syncs another connection meanwhile.
        assertThat(sync(good, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        lateDone.get(20, TimeUnit.SECONDS);
        assertThat(latePush.get()).as("a push after the session was closed").isInstanceOf(IllegalStateException.class);

        SyncEngine.Outcome second = engine.run(hanging, runId, FAST);
        assertThat(second.status()).as("after the last attempt").isEqualTo(SyncRunStatus.FAILED);
        assertThat(lastRun(hanging).message()).contains("pas répondu à temps");
        assertThat(metricRows(hanging)).isZero();
    }

    @Test
    void passingFailuresAreRetriedAfterTheProvidersDelayOrWithAGrowingBackoff() {
        UUID[] tenant = newTenant();
        ConnectionTarget limited = newConnection(tenant, connector("rate-limited", (context, request, sink) -> {
            throw new RateLimitedException(Duration.ofMinutes(7), null);
        }), "acc-1");
        ConnectionTarget flaky = newConnection(tenant, connector("flaky", (context, request, sink) -> {
            throw new TransientException(Text.of("Erreur 503 du fournisseur.", "Provider error 503."), null);
        }), "acc-1");
        SyncProperties threeAttempts = SyncProperties.defaults().withRetries(Duration.ofSeconds(5), 3,
                Duration.ofMinutes(1));

        SyncEngine.Outcome rate = sync(limited, threeAttempts);
        assertThat(rate.retryAt()).isBetween(Instant.now().plusSeconds(6 * 60), Instant.now().plusSeconds(8 * 60));

        UUID runId = queue(flaky);
        SyncEngine.Outcome first = engine.run(flaky, runId, threeAttempts);
        assertThat(first.retryAt()).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(70));
        SyncEngine.Outcome second = engine.run(flaky, runId, threeAttempts);
        assertThat(second.attempt()).isEqualTo(3);
        assertThat(second.retryAt()).as("doubled").isBetween(Instant.now().plusSeconds(110),
                Instant.now().plusSeconds(130));
        SyncEngine.Outcome third = engine.run(flaky, runId, threeAttempts);
        assertThat(third.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(third.retryAt()).isNull();
        assertThat(lastRun(flaky).message()).isEqualTo("Erreur 503 du fournisseur.");
    }

    @Test
    void garbageIsRejectedWithItsReasonsAndTheValidRecordsAreWritten() {
        ConnectionTarget target = newConnection(newTenant(), connector("garbage", (context, request, sink) -> {
            for (int i = 0; i < 5; i++) {
                sink.accept(row(FIRST_DAY, "acc-1", i, Device.DESKTOP, 50 + i));
            }
            sink.accept(new AccountRecord("acc-1", "Compte 1", "EUR", ZoneId.of("Europe/Paris")));
            sink.accept(new CampaignRecord("acc-1", "c1", "Soldes", EntityStatus.ACTIVE, Channel.SEARCH, null, null));
            sink.accept(new MetricRow(FIRST_DAY, 25, "acc-1", "c1", null, null, null, null, null, null, Measures.NONE));
            sink.accept(new MetricRow(FIRST_DAY, null, "acc-1", "c1", null, null, null, null, "XX", null,
                    Measures.builder().clicks(-3L).build()));
            sink.accept(new MetricRow(FIRST_DAY, null, "acc-1", "c1", null, null, null, null, null, null,
                    Measures.builder().cost(new BigDecimal("12.50")).build()));
            sink.accept(new MetricRow(null, null, "acc-1", null, null, null, null, null, null, null, null));
            sink.accept(null);
            sink.reject(Text.of("ligne 42", "line 42"), Text.of("Date illisible", "Unreadable date"));
            sink.checkpoint("fin");
        }), "acc-1");

        assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        SyncHistory.Run run = lastRun(target);
        assertThat(run.counts()).isEqualTo(new SyncCounts(12, 7, 6));
        assertThat(metricRows(target)).isEqualTo(5);
        assertThat(count(target.tenantId(), "select count(*) from synced_campaigns where connection_id = ?",
                target.connectionId())).isEqualTo(1);
        assertThat(count(target.tenantId(), "select count(*) from synced_accounts where connection_id = ?",
                target.connectionId())).isEqualTo(1);
        List<SyncHistory.RunError> errors = asMember(target.tenantId(), () -> history.errors(run.id()));
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0).reason()).contains("hour must be 0 to 23: 25");
        assertThat(errors.get(0).record()).contains("MetricRow").contains("hour=25");
        assertThat(errors.get(1).reason()).contains("country must be").contains("clicks is negative");
        assertThat(errors.get(2).reason()).contains("without a currency");
        assertThat(errors.get(3).reason()).contains("date is missing").contains("measures are missing");
        assertThat(errors.get(4).reason()).isEqualTo("Enregistrement vide");
        assertThat(errors.get(5).location()).isEqualTo("ligne 42");
        assertThat(errors.get(5).reason()).isEqualTo("Date illisible");
    }

    @Test
    void aFloodIsStoppedAtTheLimitWithAClearMessage() {
        AtomicLong pushed = new AtomicLong();
        ConnectionTarget target = newConnection(newTenant(), connector("flood", (context, request, sink) -> {
            for (long i = 0; ; i++) {
                sink.accept(row(FIRST_DAY.plusDays(i / 1000), "acc-1", (int) (i % 1000), Device.MOBILE, i));
                pushed.incrementAndGet();
            }
        }), "acc-1");
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        assertThat(sync(target, FAST.withMaxRecords(30_000)).status()).isEqualTo(SyncRunStatus.FAILED);

        assertThat(pushed.get()).as("records taken before the stop").isEqualTo(30_000);
        SyncHistory.Run run = lastRun(target);
        assertThat(run.failureType()).isEqualTo("PERMANENT");
        assertThat(run.message()).contains("plus de 30000 enregistrements").contains("emballement");
        assertThat(run.counts().read()).isEqualTo(30_001);
        assertThat(metricRows(target)).as("nothing checkpointed").isZero();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(heapAfter - heapBefore).as("heap growth while flooded (batches are flushed)")
                .isLessThan(200L * 1024 * 1024);
    }

    @Test
    void recordsOfAnAccountNotAskedForAreRejectedAndNoneStored() {
        ConnectionTarget target = newConnection(newTenant(), connector("wrong-account", (context, request, sink) -> {
            for (int i = 0; i < 4; i++) {
                sink.accept(row(FIRST_DAY, "acc-1", i, Device.MOBILE, 10 + i));
                sink.accept(row(FIRST_DAY, "acc-other", i, Device.MOBILE, 10 + i));
            }
            sink.accept(new CampaignRecord("acc-other", "c9", "Pas à nous", EntityStatus.ACTIVE, null, null, null));
            sink.checkpoint("x");
        }), "acc-1");

        assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        assertThat(lastRun(target).counts()).isEqualTo(new SyncCounts(9, 4, 5));
        assertThat(count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?"
                + " and account_id = 'acc-other'", target.connectionId())).isZero();
        assertThat(count(target.tenantId(), "select count(*) from synced_campaigns where connection_id = ?",
                target.connectionId())).isZero();
        assertThat(metricRows(target)).isEqualTo(4);
        assertThat(asMember(target.tenantId(), () -> history.errors(lastRun(target).id())))
                .hasSize(5).allSatisfy(e -> assertThat(e.reason()).contains("compte non demandé (acc-other)"));
    }

    @Test
    void aCrashMidDayLosesOnlyTheUncheckpointedTailWhichTheResumedRunReEmitsExactlyOnce() {
        int days = 10;
        int campaigns = 60;
        Device[] devices = {Device.DESKTOP, Device.MOBILE, Device.TABLET};
        AtomicBoolean crash = new AtomicBoolean(true);
        List<LocalDate> startedFrom = new ArrayList<>();
        ConnectionTarget target = newConnection(newTenant(), connector("killed", (context, request, sink) -> {
            // The state is the last day written; a resumed read starts the day after.
            LocalDate from = request.state() == null ? FIRST_DAY : LocalDate.parse(request.state()).plusDays(1);
            startedFrom.add(from);
            for (LocalDate day = from; day.isBefore(FIRST_DAY.plusDays(days)); day = day.plusDays(1)) {
                int n = 0;
                for (int c = 0; c < campaigns; c++) {
                    for (Device device : devices) {
                        if (crash.get() && day.equals(FIRST_DAY.plusDays(6)) && n++ == 150) {
                            crash.set(false);
                            throw new Error("the plugin died mid-day");
                        }
                        sink.accept(row(day, "acc-1", c, device, expected(day, c, device)));
                    }
                }
                sink.checkpoint(day.toString());
            }
        }), "acc-1");
        store.batchSize(40); // so that part of the crashed day was already flushed into the open transaction
        try {
            assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.FAILED);
            assertThat(lastRun(target).message()).contains("erreur interne").contains("Error");
            assertThat(metricRows(target)).as("six whole days").isEqualTo(6L * campaigns * devices.length);
            assertThat(store.savedState(target.tenantId(), target.connectionId()))
                    .contains(FIRST_DAY.plusDays(5).toString());

            assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        } finally {
            store.batchSize(JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);
        }
        assertThat(startedFrom).containsExactly(FIRST_DAY, FIRST_DAY.plusDays(6));

        Set<String> expectedRows = new HashSet<>();
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < campaigns; c++) {
                for (Device device : devices) {
                    LocalDate day = FIRST_DAY.plusDays(d);
                    expectedRows.add(day + " c" + c + " " + device + " " + expected(day, c, device));
                }
            }
        }
        List<List<Object>> stored = query(target.tenantId(), "select day, campaign_id, device, impressions"
                + " from metric_facts where connection_id = ?", target.connectionId());
        assertThat(stored).as("no duplicates").hasSize(expectedRows.size());
        assertThat(stored.stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)))
                .containsExactlyInAnyOrderElementsOf(expectedRows);
    }

    static long expected(LocalDate day, int campaign, Device device) {
        return day.getDayOfYear() * 1000L + campaign * 10L + device.ordinal();
    }

    @Test
    void reSyncingTheSameRangeRewritesNothingAndReplacesChangedValues() {
        AtomicLong bonus = new AtomicLong();
        ConnectionTarget target = newConnection(newTenant(), connector("idempotent", (context, request, sink) -> {
            for (int d = 0; d < 5; d++) {
                for (int c = 0; c < 40; c++) {
                    long extra = c < 7 ? bonus.get() : 0;
                    sink.accept(row(FIRST_DAY.plusDays(d), "acc-1", c, Device.DESKTOP, 1000 + c + extra));
                }
                sink.checkpoint("d" + d);
            }
        }), "acc-1");

        sync(target, FAST);
        assertThat(lastRun(target).counts()).isEqualTo(new SyncCounts(200, 200, 0));
        sync(target, FAST);
        assertThat(lastRun(target).counts()).as("unchanged rows are not rewritten").isEqualTo(new SyncCounts(200, 0, 0));
        assertThat(metricRows(target)).isEqualTo(200);

        bonus.set(5);
        sync(target, FAST);
        assertThat(lastRun(target).counts()).as("7 campaigns × 5 days changed").isEqualTo(new SyncCounts(200, 35, 0));
        assertThat(metricRows(target)).isEqualTo(200);
        assertThat(count(target.tenantId(), "select sum(impressions)::bigint from metric_facts where connection_id = ?",
                target.connectionId())).isEqualTo(5L * (40 * 1000 + 780) + 35 * 5);
        assertThat(count(target.tenantId(), "select count(distinct run_id) from metric_facts where connection_id = ?",
                target.connectionId())).as("rows changed by the third run carry its id").isEqualTo(2);
    }
}
