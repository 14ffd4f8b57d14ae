package com.campagne.connectors.sync;

import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.connectors.plugins.PluginInfo;
import com.campagne.connectors.plugins.PluginService;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.connectors.runtime.HostConnectorContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault containment of {@link SyncFaultContainmentTest}, with the real misbehaving plugin: the
 * {@code faulty} plugin's jar (built by plugins/faulty, copied by the build into
 * {@code target/test-plugins/faulty.jar}, never on the class path) is installed in the running app's
 * PF4J runtime for this class and removed after it. Each of its connectors is synced through the
 * engine ({@link SyncEngine#queue} then {@link SyncEngine#run}) on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginFaultContainmentTest extends SyncTestSupport {

    static final Path FAULTY = Path.of("target", "test-plugins", "faulty.jar");
    static final String PLUGIN = "faulty";
    static final List<String> CONNECTORS = List.of("faulty-throws", "faulty-hangs", "faulty-garbage", "faulty-flood",
            "faulty-wrong-account", "faulty-linkage", "faulty-crash");
    /** The only account the faulty connectors discover. */
    static final String ACCOUNT = "faulty-1";
    static final String INTRUDER = "faulty-intruder";
    /** A short read time-out, two attempts and a short backoff, so that a hang costs seconds. */
    static final SyncProperties FAST = SyncProperties.defaults().withRetries(Duration.ofSeconds(2), 2,
            Duration.ofSeconds(1));

    @Autowired
    private PluginService plugins;

    @BeforeAll
    void installTheFaultyPlugin(@TempDir Path upload) throws IOException {
        // The upload is moved into the plugins directory: give it a copy.
        Path jar = Files.copy(FAULTY, upload.resolve("faulty.jar"));
        PluginInfo installed = asPlatformAdmin(() -> {
            removeTheFaultyPlugin(); // left over by an aborted run on a kept data directory
            return plugins.upload(jar, "faulty.jar");
        });
        assertThat(installed.id()).isEqualTo(PLUGIN);
        assertThat(installed.status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(installed.bundled()).isFalse();
        assertThat(installed.connectors()).extracting(s -> s.id()).containsExactlyInAnyOrderElementsOf(CONNECTORS);
    }

    /** Leaves only what was there before: the bundled plugins, which the shared context's other tests use. */
    @AfterAll
    void removeTheFaultyPlugin() {
        asPlatformAdmin(() -> {
            if (plugins.plugins().stream().anyMatch(p -> p.id().equals(PLUGIN))) {
                plugins.remove(PLUGIN);
            }
            assertThat(plugins.plugins()).extracting(PluginInfo::id).doesNotContain(PLUGIN);
            return null;
        });
        CONNECTORS.forEach(id -> assertThat(catalog.find(id)).as(id).isEmpty());
    }

    @Test
    void theFaultyConnectorsComeFromThePluginsOwnClassLoader() {
        for (String id : CONNECTORS) {
            ConnectorHandle handle = catalog.find(id).orElseThrow();
            assertThat(handle.pluginId()).isEqualTo(PLUGIN);
            ClassLoader loader = handle.connector().getClass().getClassLoader();
            assertThat(loader).as(id).isInstanceOf(PluginClassLoader.class).isNotSameAs(getClass().getClassLoader());
        }
        assertThatThrownBy(() -> Class.forName("com.campagne.plugins.faulty.ThrowingConnector"))
                .as("the plugin is not on the app's class path").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aThrowingPluginFailsItsRunWithAMessageKeepsTheCheckpointedRowsAndAnotherTenantSyncs() throws Exception {
        UUID[] tenant = newTenant();
        // The connection synced fine before (a whole range, checkpointed day by day)…
        ConnectionTarget earlier = connection(tenant, "faulty-crash", Map.of());
        assertThat(sync(earlier, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        Set<String> before = storedRows(earlier);
        String stateBefore = store.savedState(earlier.tenantId(), earlier.connectionId()).orElseThrow();
        assertThat(before).isNotEmpty();
        // …then its plugin starts throwing, while another tenant's healthy connection syncs.
        sql(tenant[0], "update connections set connector_id = 'faulty-throws' where tenant_id = ? and id = ?",
                tenant[0], earlier.connectionId());
        ConnectionTarget throwing = withConnector(earlier, "faulty-throws", Map.of("recordsBeforeFailure", "40"));
        ConnectionTarget healthy = connection(newTenant(), "faulty-crash", Map.of());

        // Small batches: most of the failed run's rows already reached its open transaction.
        store.batchSize(8);
        try {
            CompletableFuture<SyncEngine.Outcome> thrown = CompletableFuture.supplyAsync(() -> sync(throwing, FAST),
                    PARALLEL);
            CompletableFuture<SyncEngine.Outcome> ok = CompletableFuture.supplyAsync(() -> sync(healthy, FAST),
                    PARALLEL);
            assertThat(thrown.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.FAILED);
            assertThat(ok.get(30, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        } finally {
            store.batchSize(JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);
        }

        SyncHistory.Run failed = lastRun(throwing);
        assertThat(failed.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(failed.failureType()).isEqualTo("PERMANENT");
        assertThat(failed.message()).isEqualTo("Le connecteur a rencontré une erreur interne (NullPointerException).");
        assertThat(failed.endedAt()).isNotNull();
        assertThat(failed.counts().read()).isEqualTo(40);
        assertThat(storedRows(throwing)).as("the rows checkpointed before, and none of the failed run")
                .isEqualTo(before);
        assertThat(store.savedState(throwing.tenantId(), throwing.connectionId())).contains(stateBefore);

        assertThat(lastRun(healthy).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(storedRows(healthy)).isEqualTo(expectedRows(range(healthy)));
    }

    @Test
    void aPluginDeafToInterruptsIsAbandonedAtTheTimeOutRetriedThenFailedWhileTheEngineGoesOn() {
        UUID[] tenant = newTenant();
        // It gives up by itself after a minute, long after this class is done with it.
        ConnectionTarget hanging = connection(tenant, "faulty-hangs", Map.of("interruptible", "no", "maxMinutes", "1"));
        ConnectionTarget healthy = connection(tenant, "faulty-crash", Map.of());

        UUID runId = queue(hanging);
        long start = System.nanoTime();
        SyncEngine.Outcome first = engine.run(hanging, runId, FAST);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("abandoned at the read time-out").isBetween(FAST.readTimeout(), Duration.ofSeconds(6));
        assertThat(first.status()).isEqualTo(SyncRunStatus.QUEUED);
        assertThat(first.attempt()).isEqualTo(2);
        SyncHistory.Run retrying = lastRun(hanging);
        assertThat(retrying.failureType()).isEqualTo("TRANSIENT");
        assertThat(retrying.message()).contains("pas répondu à temps (2 s)").contains("Nouvel essai (2/2)");

        // The engine's thread is free: it syncs another connection normally.
        assertThat(sync(healthy, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(storedRows(healthy)).isEqualTo(expectedRows(range(healthy)));

        start = System.nanoTime();
        SyncEngine.Outcome second = engine.run(hanging, runId, FAST);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(second.status()).as("after the last attempt").isEqualTo(SyncRunStatus.FAILED);
        SyncHistory.Run failed = lastRun(hanging);
        assertThat(failed.status()).isEqualTo(SyncRunStatus.FAILED);
        assertThat(failed.message()).contains("pas répondu à temps");
        assertThat(metricRows(hanging)).isZero();
    }

    @Test
    void garbageFromAPluginIsRejectedWithItsReasonsAndTheValidRowsAreWritten() {
        ConnectionTarget target = connection(newTenant(), "faulty-garbage", Map.of());

        assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        LocalDate day = range(target)[0];
        assertThat(storedRows(target)).containsExactlyInAnyOrder(day + " cmp-1 " + impressions(day, 1),
                day + " cmp-8 " + impressions(day, 8));
        // Its ad record is valid and of a stream the engine asks for (it asks for all): stored too.
        assertThat(count(target.tenantId(), "select count(*) from synced_ads where connection_id = ?",
                target.connectionId())).isEqualTo(1);
        assertThat(count(target.tenantId(), "select count(*) from synced_campaigns where connection_id = ?",
                target.connectionId())).as("the campaign without id").isZero();
        SyncHistory.Run run = lastRun(target);
        assertThat(run.counts()).isEqualTo(new SyncCounts(10, 3, 7));
        List<SyncHistory.RunError> errors = asMember(target.tenantId(), () -> history.errors(run.id()));
        assertThat(errors).hasSize(7).allSatisfy(e -> {
            assertThat(e.reason()).startsWith("Enregistrement invalide");
            assertThat(e.record()).isNotBlank();
        });
        assertThat(errors).extracting(SyncHistory.RunError::reason).satisfiesExactly(
                r -> assertThat(r).contains("clicks is negative"),
                r -> assertThat(r).contains("country must be"),
                r -> assertThat(r).contains("without a currency"),
                r -> assertThat(r).contains("date is missing"),
                r -> assertThat(r).contains("accountId is missing"),
                r -> assertThat(r).contains("measures are missing"),
                r -> assertThat(r).contains("campaignId is missing"));
        assertThat(errors.get(0).record()).contains("cmp-2");
        assertThat(store.savedState(target.tenantId(), target.connectionId())).contains(day.toString());
    }

    @Test
    void aFloodingPluginIsStoppedAtTheLimitWithAClearMessage() {
        ConnectionTarget target = connection(newTenant(), "faulty-flood", Map.of());
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        // A long read time-out: on a loaded machine pushing 30 001 records can take more than FAST's two
        // seconds, and a time-out (transient, retried) is not what this test is about.
        SyncProperties patient = SyncProperties.defaults().withRetries(Duration.ofSeconds(60), 1,
                Duration.ofSeconds(1));
        assertThat(sync(target, patient.withMaxRecords(30_000)).status()).isEqualTo(SyncRunStatus.FAILED);

        SyncHistory.Run run = lastRun(target);
        assertThat(run.failureType()).isEqualTo("PERMANENT");
        assertThat(run.message()).startsWith("Le connecteur a envoyé plus de 30000 enregistrements")
                .endsWith("synchronisation arrêtée (emballement).");
        assertThat(run.counts().read()).isEqualTo(30_001);
        assertThat(metricRows(target)).as("it never checkpoints").isZero();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(heapAfter - heapBefore).as("heap growth while flooded (batches are flushed)")
                .isLessThan(200L * 1024 * 1024);
    }

    @Test
    void rowsOfAnAccountTheConnectionDidNotAskForAreRejectedAndNoneStored() {
        ConnectionTarget target = connection(newTenant(), "faulty-wrong-account", Map.of());

        assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        LocalDate[] range = range(target);
        int days = (int) (range[1].toEpochDay() - range[0].toEpochDay() + 1);
        SyncHistory.Run run = lastRun(target);
        assertThat(run.counts()).isEqualTo(new SyncCounts(1 + 2L * days, days, 1 + days));
        assertThat(count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?"
                + " and account_id <> ?", target.connectionId(), ACCOUNT)).isZero();
        assertThat(count(target.tenantId(), "select count(*) from synced_accounts where connection_id = ?"
                + " and account_id = ?", target.connectionId(), INTRUDER)).isZero();
        Set<String> expected = new HashSet<>();
        for (LocalDate day = range[0]; !day.isAfter(range[1]); day = day.plusDays(1)) {
            expected.add(day + " cmp-1 " + impressions(day, 1));
        }
        assertThat(storedRows(target)).isEqualTo(expected);
        assertThat(asMember(target.tenantId(), () -> history.errors(run.id()))).hasSize(1 + days)
                .allSatisfy(e -> assertThat(e.reason()).contains("compte non demandé (" + INTRUDER + ")"));
    }

    @Test
    void aPluginBuiltAgainstAMissingLibraryFailsAsIncompatibleAndTheAppGoesOn() {
        UUID[] tenant = newTenant();
        ConnectionTarget target = connection(tenant, "faulty-linkage", Map.of());

        assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.FAILED);

        SyncHistory.Run run = lastRun(target);
        assertThat(run.failureType()).isEqualTo("PERMANENT");
        assertThat(run.message())
                .isEqualTo("Ce connecteur n’est pas compatible avec cette version de Campagne : mettez-le à jour.");
        // Also when it fails in the connection's check, shown in the form.
        ConnectorHandle handle = catalog.find("faulty-linkage").orElseThrow();
        assertThatThrownBy(() -> handle.check(HostConnectorContext.forConnector(handle.id(),
                HostConnectorContext.memorySecrets(Map.of()), Locale.ENGLISH), Settings.of(Map.of("failIn", "check"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.userMessage().en())
                        .isEqualTo("This connector is not compatible with this version of Campagne: update it."));
        // The plugin stays loaded and the engine syncs the next connection.
        assertThat(asPlatformAdmin(() -> plugins.plugins())).filteredOn(p -> p.id().equals(PLUGIN)).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PluginInfo.Status.STARTED));
        ConnectionTarget healthy = connection(tenant, "faulty-crash", Map.of());
        assertThat(sync(healthy, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(storedRows(healthy)).isEqualTo(expectedRows(range(healthy)));
    }

    @Test
    void aSyncKilledMidDayResumesFromItsSavedStateWithNoRowLostOrDuplicated() {
        int crashAfterDays = 5;
        ConnectionTarget target = connection(newTenant(), "faulty-crash",
                Map.of("crashAfterDays", String.valueOf(crashAfterDays)));
        // Batches of two: the crashed day's two rows are already flushed into the open transaction.
        store.batchSize(2);
        UUID firstRun;
        try {
            assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.FAILED);
            firstRun = lastRun(target).id();
            assertThat(lastRun(target).message()).contains("erreur interne").contains("Error");
            LocalDate from = range(target)[0];
            LocalDate lastSaved = from.plusDays(crashAfterDays - 1);
            assertThat(store.savedState(target.tenantId(), target.connectionId())).contains(lastSaved.toString());
            assertThat(storedRows(target)).as("the checkpointed days only, not the crashed one")
                    .isEqualTo(expectedRows(from, lastSaved));

            assertThat(sync(target, FAST).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        } finally {
            store.batchSize(JdbcSyncRecordStore.DEFAULT_BATCH_SIZE);
        }
        LocalDate[] range = range(target);
        SyncHistory.Run resumed = lastRun(target);
        assertThat(resumed.id()).isNotEqualTo(firstRun);
        long days = range[1].toEpochDay() - range[0].toEpochDay() + 1;
        assertThat(resumed.counts().read()).as("only the days after the saved state")
                .isEqualTo((days - crashAfterDays) * 3);

        List<List<Object>> stored = query(target.tenantId(), "select day, campaign_id, impressions from metric_facts"
                + " where connection_id = ?", target.connectionId());
        Set<String> expected = expectedRows(range);
        assertThat(stored).as("no duplicate").hasSize(expected.size());
        assertThat(stored).hasSize((int) days * 3);
        assertThat(stored.stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList())
                .as("no row lost").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count(target.tenantId(), "select count(*) from metric_facts where connection_id = ? and run_id = ?",
                target.connectionId(), firstRun)).as("the first run's days were not read again")
                .isEqualTo(crashAfterDays * 3L);
        assertThat(store.savedState(target.tenantId(), target.connectionId())).contains(range[1].toString());
    }

    // ------------------------------------------------------------------ helpers

    /** A connection of that tenant's client to a faulty connector, with these settings, for its one account. */
    ConnectionTarget connection(UUID[] tenant, String connectorId, Map<String, String> settings) {
        return withConnector(newConnection(tenant, connectorId, ACCOUNT), connectorId, settings);
    }

    static ConnectionTarget withConnector(ConnectionTarget target, String connectorId, Map<String, String> settings) {
        return new ConnectionTarget(target.tenantId(), target.clientId(), target.connectionId(), connectorId,
                Settings.of(settings), target.secrets(), target.accountIds(), target.schedule());
    }

    /** The range of the connection's last run, as the engine chose it. */
    LocalDate[] range(ConnectionTarget target) {
        List<Object> row = query(target.tenantId(), "select range_from, range_to from sync_runs where connection_id = ?"
                + " order by queued_at desc limit 1", target.connectionId()).getFirst();
        return new LocalDate[]{((Date) row.get(0)).toLocalDate(), ((Date) row.get(1)).toLocalDate()};
    }

    long metricRows(ConnectionTarget target) {
        return count(target.tenantId(), "select count(*) from metric_facts where connection_id = ?",
                target.connectionId());
    }

    /** The connection's stored rows as "day campaign impressions". */
    Set<String> storedRows(ConnectionTarget target) {
        List<String> rows = query(target.tenantId(), "select day, campaign_id, impressions from metric_facts"
                + " where connection_id = ?", target.connectionId()).stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList();
        Set<String> distinct = new HashSet<>(rows);
        assertThat(distinct).as("duplicates").hasSameSizeAs(rows);
        return distinct;
    }

    static Set<String> expectedRows(LocalDate[] range) {
        return expectedRows(range[0], range[1]);
    }

    /** What a full read of faulty-crash gives: three campaigns a day, figures that depend on the day. */
    static Set<String> expectedRows(LocalDate from, LocalDate to) {
        Set<String> rows = new HashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (int campaign = 1; campaign <= 3; campaign++) {
                rows.add(day + " cmp-" + campaign + " " + impressions(day, campaign));
            }
        }
        return rows;
    }

    /** The faulty plugin's figures, written down again here rather than taken from its classes. */
    static long impressions(LocalDate day, int campaign) {
        return 1_000L + 100L * campaign + day.getDayOfMonth();
    }

    <T> T asPlatformAdmin(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("operator", null,
                List.of(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
