package com.campagne.connectors.sync;

import com.campagne.base.db.TenantContext;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.connectors.runtime.HostConnectorContext;
import com.campagne.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Fixtures of the sync tests: tenants, clients and connections made with plain SQL as the app role
 * (the Connection entity belongs to the connections feature), in-process connectors registered in
 * the catalogue, and raw counts in a tenant's scope.
 */
abstract class SyncTestSupport extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired ConnectorCatalog catalog;
    @Autowired SyncEngine engine;
    @Autowired JdbcSyncRecordStore store;
    @Autowired SyncProgress progress;

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);

    /**
     * Threads for work that must really run at the same time: the common pool has one thread on
     * two cores, which would run "concurrent" syncs one after the other.
     */
    static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

    /** What a test connector's read does. */
    interface Reader {
        void read(ConnectorContext context, ReadRequest request, RecordSink sink) throws Exception;
    }

    /** Registers an in-process connector with a fresh id and returns the id. */
    String connector(String name, Reader reader) {
        String id = "test-" + name + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8)
                .replaceAll("[^a-z0-9]", "a");
        Connector connector = new Connector() {
            @Override
            public ConnectorSpec spec() {
                return new ConnectorSpec(id, Text.of(name, name), Text.of("Test", "Test"), "1.0", Category.AD_NETWORK,
                        null, null, List.of(), null);
            }

            @Override
            public CheckResult check(ConnectorContext context, Settings settings) {
                return CheckResult.ok("ok", "ok");
            }

            @Override
            public Catalog discover(ConnectorContext context, Settings settings) {
                return new Catalog(List.of(), Set.of());
            }

            @Override
            public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
                try {
                    reader.read(context, request, sink);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // A plugin id of its own, so that it leaves the shared catalogue after the test.
        String pluginId = "sync-" + id;
        catalog.register(ConnectorHandle.of(pluginId, connector));
        registeredPlugins.add(pluginId);
        return id;
    }

    private final List<String> registeredPlugins = new ArrayList<>();

    @AfterEach
    void unregisterTestConnectors() {
        registeredPlugins.forEach(catalog::unregisterPlugin);
        registeredPlugins.clear();
    }

    /** A tenant with one client; returns {tenant, client}. */
    UUID[] newTenant() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        sql(null, "insert into tenants (id, kind, name, slug, locale, currency, time_zone, created_at, version)"
                + " values (?, 'BUSINESS', ?, ?, 'fr', 'EUR', 'Europe/Paris', now(), 0)", tenant, "Sync " + tenant,
                "sync-" + tenant);
        sql(tenant, "insert into clients (id, tenant_id, name, created_at, updated_at, version)"
                + " values (?, ?, 'Client sync', now(), now(), 0)", client, tenant);
        return new UUID[]{tenant, client};
    }

    /** A connection of that tenant's client to that connector, as its target. */
    ConnectionTarget newConnection(UUID[] tenantAndClient, String connectorId, String... accounts) {
        UUID connection = UUID.randomUUID();
        sql(tenantAndClient[0], "insert into connections (tenant_id, id, client_id, connector_id, name, schedule,"
                        + " created_at, updated_at, version) values (?, ?, ?, ?, 'Connexion de test', 'MANUAL', now(), now(), 0)",
                tenantAndClient[0], connection, tenantAndClient[1], connectorId);
        return new ConnectionTarget(tenantAndClient[0], tenantAndClient[1], connection, connectorId,
                Settings.of(Map.of()), HostConnectorContext.memorySecrets(Map.of()), Set.of(accounts), Schedule.MANUAL);
    }

    UUID queue(ConnectionTarget target) {
        return engine.queue(target.tenantId(), target.connectionId(), SyncTrigger.MANUAL, null).orElseThrow().runId();
    }

    /** Queues a run and runs it at once with these settings. */
    SyncEngine.Outcome sync(ConnectionTarget target, SyncProperties settings) {
        return engine.run(target, queue(target), settings);
    }

    SyncHistory.Run lastRun(ConnectionTarget target) {
        return asMember(target.tenantId(), () -> history.recentRuns(target.connectionId(), 1).getFirst());
    }

    @Autowired SyncHistory history;

    /** Runs work as a MANAGER of that tenant (method security and tenant scope). */
    <T> T asMember(UUID tenant, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("sync-test", null,
                List.of(new SimpleGrantedAuthority("ROLE_MANAGER"))));
        try {
            return TenantContext.runAs(TenantContext.Scope.tenant(tenant), work);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** A daily metric row of a campaign, with deterministic measures. */
    static MetricRow row(LocalDate day, String account, int campaign, Device device, long impressions) {
        return new MetricRow(day, null, account, "c" + campaign, null, null, Channel.SEARCH, device, "FR", "EUR",
                Measures.builder().impressions(impressions).clicks(impressions / 10)
                        .cost(BigDecimal.valueOf(impressions, 2)).build());
    }

    long count(UUID tenant, String sql, Object... parameters) {
        return (Long) query(tenant, sql, parameters).getFirst().getFirst();
    }

    /** Rows of a query as the app role in that tenant's scope (or none), in a rolled-back transaction. */
    List<List<Object>> query(UUID tenant, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                setScope(c, tenant);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, parameters);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<List<Object>> rows = new ArrayList<>();
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>();
                            for (int i = 1; i <= columns; i++) {
                                row.add(rs.getObject(i));
                            }
                            rows.add(row);
                        }
                        return rows;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement as the app role in that tenant's scope (or none), committed. */
    int sql(UUID tenant, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                setScope(c, tenant);
                int changed;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, parameters);
                    changed = ps.executeUpdate();
                }
                c.commit();
                return changed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setScope(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant == null ? "" : tenant.toString());
            ps.execute();
        }
    }

    private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            ps.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
        }
    }
}
