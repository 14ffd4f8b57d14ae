package com.campagne.connectors.sync;

import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.connectors.connections.Schedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two tenants syncing at the same time never see each other's synced rows, runs, errors or state:
 * not through the services, not through the store, not in raw SQL as the app role (parent table and
 * partitions alike), and tenant A cannot write rows into B's connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncIsolationTest extends SyncTestSupport {

    static final List<String> SYNC_TABLES = List.of("metric_facts", "metric_daily", "metric_campaign_daily",
            "synced_accounts", "synced_campaigns",
            "synced_ad_groups", "synced_ads", "sync_runs", "sync_run_errors", "connection_sync_state");

    @Autowired SyncService syncService;

    ConnectionTarget a;
    ConnectionTarget b;
    UUID runA;
    UUID runB;

    @BeforeAll
    void twoTenantsSyncAtOnce() throws Exception {
        CyclicBarrier bothHalfway = new CyclicBarrier(2);
        String connectorId = connector("isolated", (context, request, sink) -> {
            // The same provider ids in both tenants: only the tenant tells the rows apart.
            for (int d = 0; d < 20; d++) {
                for (int c = 0; c < 50; c++) {
                    sink.accept(row(FIRST_DAY.plusDays(d), "acc-1", c, Device.MOBILE, d * 100L + c));
                }
                sink.accept(new CampaignRecord("acc-1", "c" + d, "Campagne " + d, EntityStatus.ACTIVE, null, null, null));
                sink.accept(row(FIRST_DAY.plusDays(d), "acc-2", 1, Device.MOBILE, 1));
                sink.checkpoint("day " + d);
                if (d == 9) {
                    // Both sessions are open at this point: the two tenants really sync at once.
                    bothHalfway.await(20, TimeUnit.SECONDS);
                }
            }
        });
        a = newConnection(newTenant(), connectorId, "acc-1");
        b = newConnection(newTenant(), connectorId, "acc-1");
        runA = queue(a);
        runB = queue(b);
        SyncProperties settings = SyncProperties.defaults().withRetries(Duration.ofSeconds(30), 1, Duration.ofSeconds(1));
        CompletableFuture<SyncEngine.Outcome> syncA = CompletableFuture.supplyAsync(() -> engine.run(a, runA, settings),
                PARALLEL);
        CompletableFuture<SyncEngine.Outcome> syncB = CompletableFuture.supplyAsync(() -> engine.run(b, runB, settings),
                PARALLEL);
        assertThat(syncA.get(60, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(syncB.get(60, TimeUnit.SECONDS).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
    }

    @Test
    void eachTenantHasExactlyItsOwnRows() {
        for (ConnectionTarget t : List.of(a, b)) {
            assertThat(count(t.tenantId(), "select count(*) from metric_facts")).isEqualTo(1000);
            assertThat(count(t.tenantId(), "select count(*) from metric_facts where tenant_id <> ?", t.tenantId()))
                    .isZero();
            assertThat(count(t.tenantId(), "select count(*) from synced_campaigns")).isEqualTo(20);
            assertThat(count(t.tenantId(), "select count(*) from sync_run_errors")).isEqualTo(20);
            assertThat(count(t.tenantId(), "select count(*) from connection_sync_state")).isEqualTo(1);
        }
    }

    @Test
    void theServicesOfTenantAShowNothingOfB() {
        asMember(a.tenantId(), () -> {
            assertThat(history.recentRuns(a.connectionId(), 10)).extracting(SyncHistory.Run::id).containsExactly(runA);
            assertThat(history.errors(runA)).hasSize(20);

            assertThat(history.recentRuns(b.connectionId(), 10)).isEmpty();
            assertThat(history.run(runB)).isEmpty();
            assertThat(history.errors(runB)).isEmpty();
            assertThatThrownBy(() -> syncService.syncNow(b.connectionId())).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> syncService.scheduleChanged(b.connectionId(), Schedule.HOURLY))
                    .isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> syncService.connectionRemoved(b.connectionId()))
                    .isInstanceOf(NoSuchElementException.class);
            return null;
        });
        assertThat(count(b.tenantId(), "select count(*) from sync_runs where connection_id = ?", b.connectionId()))
                .as("no run queued for B by A").isEqualTo(1);
    }

    @Test
    void theStoreReadsNoStateAcrossTenants() {
        assertThat(store.savedState(a.tenantId(), a.connectionId())).contains("day 19");
        assertThat(store.savedState(a.tenantId(), b.connectionId())).isEmpty();
        store.clearState(a.tenantId(), b.connectionId());
        assertThat(store.savedState(b.tenantId(), b.connectionId())).contains("day 19");
    }

    @Test
    void rawSqlAsTheAppRoleSeesNothingOfBInTheScopeOfA() {
        for (String table : SYNC_TABLES) {
            assertThat(count(a.tenantId(), "select count(*) from " + table + " where tenant_id = ?", b.tenantId()))
                    .as(table).isZero();
            assertThat(count(null, "select count(*) from " + table)).as(table + " with no tenant set").isZero();
        }
        List<String> partitions = query(null, "select c.relname::text from pg_inherits i join pg_class c"
                + " on c.oid = i.inhrelid where i.inhparent = 'metric_facts'::regclass").stream()
                .map(r -> (String) r.getFirst()).toList();
        assertThat(partitions).contains("metric_facts_default", "metric_facts_y2026m10");
        for (String partition : partitions) {
            assertThat(count(a.tenantId(), "select count(*) from " + partition + " where tenant_id = ?", b.tenantId()))
                    .as("partition %s read directly", partition).isZero();
        }
        assertThat(count(b.tenantId(), "select count(*) from metric_facts_y2026m10")).isEqualTo(1000);
    }

    @Test
    void tenantACannotWriteIntoBsRows() {
        // Row-level security: A's scope cannot touch B's rows.
        assertThatThrownBy(() -> sql(a.tenantId(), "insert into metric_facts (tenant_id, connection_id, day, dims_key,"
                + " client_id, account_id, updated_at) values (?, ?, date '2026-10-01', ?, ?, 'acc-1', now())",
                b.tenantId(), b.connectionId(), UUID.randomUUID(), b.clientId()))
                .hasMessageContaining("row-level security");
        assertThat(sql(a.tenantId(), "update metric_facts set impressions = 0 where tenant_id = ?", b.tenantId())).isZero();
        assertThat(sql(a.tenantId(), "delete from sync_runs where id = ?", runB)).isZero();
        // The composite foreign key: A's rows cannot hang off B's connection either.
        assertThatThrownBy(() -> sql(a.tenantId(), "insert into metric_facts (tenant_id, connection_id, day, dims_key,"
                + " client_id, account_id, updated_at) values (?, ?, date '2026-10-01', ?, ?, 'acc-1', now())",
                a.tenantId(), b.connectionId(), UUID.randomUUID(), a.clientId()))
                .hasMessageContaining("foreign key");
        // Nor can the engine, handed a target that mixes them.
        ConnectionTarget forged = new ConnectionTarget(a.tenantId(), a.clientId(), b.connectionId(), a.connectorId(),
                a.settings(), a.secrets(), a.accountIds(), Schedule.MANUAL);
        assertThatThrownBy(() -> queue(forged)).isInstanceOf(NoSuchElementException.class);
        assertThat(count(b.tenantId(), "select count(*) from metric_facts")).isEqualTo(1000);
        assertThat(count(b.tenantId(), "select sum(impressions)::bigint from metric_facts"))
                .isEqualTo(count(a.tenantId(), "select sum(impressions)::bigint from metric_facts"));
    }
}
