package com.campagne.connectors.sync;

import com.campagne.base.db.DatabaseSettings;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.connections.ConnectionTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast synced rows reach {@code metric_facts}: 5 000 000 daily rows (200 campaigns × 25 ad groups
 * × 4 devices × 250 days, deterministic measures) from an in-process connector through the real
 * pipeline (engine → guarded read → session → COPY into staging → upsert, one commit per day), then
 * the same rows by plain COPY into the truncated table (the ceiling), then the same range synced
 * again (unchanged: nothing rewritten). The heap is sampled throughout under {@code -Xmx512m}.
 *
 * <p>{@code ./mvnw -pl app -Pbench verify -Dbench=ingest} (several minutes). The last line reads
 * {@code BENCH ingest pipeline_rows_s=… copy_rows_s=… resync_over_fresh=… ratio=… max_heap_mb=…}.
 */
@Tag("bench")
@Tag("ingest")
class IngestBench extends SyncTestSupport {

    static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 200);
    static final int AD_GROUPS = 25;
    static final Device[] DEVICES = {Device.DESKTOP, Device.MOBILE, Device.TABLET, Device.OTHER};
    static final int DAYS = 250;
    static final long ROWS = (long) CAMPAIGNS * AD_GROUPS * DEVICES.length * DAYS;

    @Autowired DatabaseSettings databaseSettings;

    final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    final AtomicLong maxHeap = new AtomicLong();

    @Test
    void ingest() throws Exception {
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        LocalDate first = LocalDate.now().minusDays(DAYS + 1);
        ConnectionTarget target = newConnection(newTenant(), connector("generated", (context, request, sink) -> {
            generate(first, sink::accept, day -> sink.checkpoint(day.toString()));
        }), "acc-1");
        SyncProperties settings = SyncProperties.defaults().withRetries(Duration.ofHours(1), 1, Duration.ofMinutes(1))
                .withMaxRecords(ROWS + 1);

        int batch = Integer.getInteger("bench.batch", JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);
        store.batchSize(batch);
        truncate();
        long start = System.nanoTime();
        SyncEngine.Outcome fresh = engine.run(target, queue(target), settings);
        double freshSeconds = seconds(start);
        assertThat(fresh.status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(lastRun(target).counts()).isEqualTo(new SyncCounts(ROWS, ROWS, 0));
        log("pipeline fresh", freshSeconds);

        truncate();
        start = System.nanoTime();
        copyDirectly(target, first);
        double copySeconds = seconds(start);
        assertThat(count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?",
                target.connectionId())).isEqualTo(ROWS);
        log("plain COPY", copySeconds);

        store.clearState(target.tenantId(), target.connectionId());
        start = System.nanoTime();
        SyncEngine.Outcome again = engine.run(target, queue(target), settings);
        double resyncSeconds = seconds(start);
        assertThat(again.status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(lastRun(target).counts()).as("the same rows again: nothing rewritten")
                .isEqualTo(new SyncCounts(ROWS, 0, 0));
        log("pipeline re-sync", resyncSeconds);
        sampler.interrupt();
        store.batchSize(JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);

        double pipelineRate = ROWS / freshSeconds;
        double copyRate = ROWS / copySeconds;
        System.out.printf("BENCH ingest pipeline_rows_s=%.0f copy_rows_s=%.0f resync_over_fresh=%.2f ratio=%.2f"
                        + " max_heap_mb=%.0f rows=%d batch=%d%n", pipelineRate, copyRate, resyncSeconds / freshSeconds,
                pipelineRate / copyRate, maxHeap.get() / 1048576.0, ROWS, batch);
    }

    /** Emits the rows day by day, calling {@code endOfDay} after each. */
    static void generate(LocalDate first, Consumer<MetricRow> rows, Consumer<LocalDate> endOfDay) {
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            for (int c = 0; c < CAMPAIGNS; c++) {
                String campaign = "cmp-" + c;
                for (int g = 0; g < AD_GROUPS; g++) {
                    String adGroup = "grp-" + c + "-" + g;
                    for (Device device : DEVICES) {
                        long seed = ((long) d * 7919 + c * 104729L + g * 1299709L + device.ordinal() * 15485863L)
                                % 100_000;
                        rows.accept(new MetricRow(day, null, "acc-1", campaign, adGroup, null, Channel.SEARCH, device,
                                "FR", "EUR", Measures.builder().impressions(seed * 3).clicks(seed / 7)
                                .cost(BigDecimal.valueOf(seed * 13, 2)).conversions(BigDecimal.valueOf(seed % 17))
                                .conversionValue(BigDecimal.valueOf(seed * 41, 2)).build()));
                    }
                }
            }
            endOfDay.accept(day);
        }
    }

    /**
     * The same rows by plain COPY into metric_facts, one transaction per day: the ceiling. PostgreSQL
     * refuses COPY FROM into a table under row-level security (hence the pipeline's COPY into a
     * temporary table, then INSERT … SELECT), so this runs as the schema owner with FORCE ROW LEVEL
     * SECURITY lifted for its duration (this benchmark's throw-away database only), restored after.
     */
    private void copyDirectly(ConnectionTarget target, LocalDate first) throws SQLException {
        UUID runId = UUID.randomUUID();
        MetricKeys keys = new MetricKeys();
        try (Connection c = DriverManager.getConnection(databaseSettings.url(), databaseSettings.ownerUser(),
                databaseSettings.ownerPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("alter table metric_facts no force row level security");
            }
            c.setAutoCommit(false);
            var copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            String prefix = target.tenantId() + "\t" + target.connectionId() + "\t" + target.clientId() + "\t" + runId
                    + "\t2026-11-23 00:00:00+00\t";
            StringBuilder text = new StringBuilder(1 << 20);
            CopyIn[] copy = new CopyIn[1];
            Runnable begin = () -> {
                try {
                    copy[0] = copyApi.copyIn("copy metric_facts (tenant_id, connection_id, client_id, run_id,"
                            + " updated_at, day, dims_key, account_id, hour, campaign_id, ad_group_id, ad_id, channel,"
                            + " device, country, currency, impressions, clicks, cost, conversions, conversion_value)"
                            + " from stdin");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            begin.run();
            generate(first, row -> {
                Measures m = row.measures();
                text.append(prefix).append(row.date()).append('\t').append(keys.key(row)).append('\t')
                        .append(row.accountId()).append("\t\\N\t").append(row.campaignId()).append('\t')
                        .append(row.adGroupId()).append("\t\\N\t").append(row.channel()).append('\t')
                        .append(row.device()).append('\t').append(row.country()).append('\t').append(row.currency())
                        .append('\t').append(m.impressions()).append('\t').append(m.clicks()).append('\t')
                        .append(m.cost().toPlainString()).append('\t').append(m.conversions().toPlainString())
                        .append('\t').append(m.conversionValue().toPlainString()).append('\n');
                if (text.length() > 1 << 20) {
                    write(copy[0], text);
                }
            }, day -> {
                try {
                    write(copy[0], text);
                    copy[0].endCopy();
                    c.commit();
                    begin.run();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            copy[0].cancelCopy();
            c.rollback();
            c.setAutoCommit(true);
        } finally {
            try (Connection c = DriverManager.getConnection(databaseSettings.url(), databaseSettings.ownerUser(),
                    databaseSettings.ownerPassword()); Statement st = c.createStatement()) {
                st.execute("alter table metric_facts force row level security");
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder text) {
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties metric_facts as the schema owner (the app role may not truncate), so each phase starts alike. */
    private void truncate() throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseSettings.url(), databaseSettings.ownerUser(),
                databaseSettings.ownerPassword()); Statement st = c.createStatement()) {
            st.execute("truncate metric_facts, metric_daily, metric_campaign_daily");
            st.execute("checkpoint");
        } catch (SQLException e) {
            // CHECKPOINT needs a superuser or pg_checkpoint; the truncate is what matters.
            if (!e.getMessage().contains("checkpoint")) {
                throw e;
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private void log(String phase, double seconds) {
        System.out.printf("BENCH phase %s: %.1f s, %.0f rows/s, heap max so far %.0f MB%n", phase, seconds,
                ROWS / seconds, maxHeap.get() / 1048576.0);
    }
}
