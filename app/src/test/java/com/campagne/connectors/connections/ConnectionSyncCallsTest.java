package com.campagne.connectors.connections;

import com.campagne.audit.AuditService;
import com.campagne.base.crypto.CredentialVault;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.clients.Client;
import com.campagne.clients.ClientRepository;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectorUnavailableException;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.sync.SyncService;
import com.campagne.tenancy.TenantRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static com.campagne.connectors.connections.ConnectionFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the connection service asks of the sync engine, with the engine and the storage stubbed: plans
 * after a create or a schedule change, cancels before a delete, syncs on demand only through a
 * loaded connector, and does without an engine at all.
 */
class ConnectionSyncCallsTest {

    static final UUID TENANT = UUID.randomUUID();

    @TempDir
    Path dir;

    ConnectionRepository connections = mock(ConnectionRepository.class);
    ClientRepository clients = mock(ClientRepository.class);
    SyncService engine = mock(SyncService.class);
    @SuppressWarnings("unchecked")
    ObjectProvider<SyncService> engineProvider = mock(ObjectProvider.class);
    ConnectorCatalog catalog = new ConnectorCatalog();
    ConnectionService service;

    @BeforeEach
    void service() {
        TestConnector.register(catalog);
        when(engineProvider.getIfAvailable()).thenReturn(engine);
        when(clients.findById(any())).thenReturn(Optional.of(new Client("Client")));
        when(connections.save(any())).thenAnswer(i -> i.getArgument(0));
        service = new ConnectionService(connections, mock(ConnectionAccountRepository.class),
                mock(ConnectionFileRepository.class), clients, mock(TenantRepository.class), catalog,
                new ConnectionSecrets(new CredentialVault(null, dir.resolve("keyset.json"))),
                mock(TenantTransactions.class), mock(AuditService.class), engineProvider,
                mock(ObjectProvider.class), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), mock(PlatformTransactionManager.class));
    }

    @Test
    void aNewConnectionIsPlannedWithItsSchedule() {
        Connection created = inTenant(() -> service.create(UUID.randomUUID(),
                draft("Régie", "123-456-7890", TestConnector.GOOD_KEY), List.of(), Schedule.HOURLY));
        verify(engine).scheduleChanged(created.getId(), Schedule.HOURLY);
    }

    @Test
    void aChangedScheduleIsPlannedAgainAndAnUnchangedOneIsNot() {
        Connection stored = stored();
        inTenant(() -> service.setSchedule(stored.getId(), Schedule.WEEKLY));
        verify(engine).scheduleChanged(stored.getId(), Schedule.WEEKLY);
        inTenant(() -> service.setSchedule(stored.getId(), Schedule.WEEKLY));
        verify(engine).scheduleChanged(any(), any());
    }

    @Test
    void theEngineCancelsItsPlansBeforeTheConnectionIsDeleted() {
        Connection stored = stored();
        inTenant(() -> service.delete(stored.getId()));
        InOrder order = inOrder(engine, connections);
        order.verify(engine).connectionRemoved(stored.getId());
        order.verify(connections).delete(stored);
    }

    @Test
    void syncNowGoesThroughTheEngineOnlyWithALoadedConnector() {
        Connection stored = stored();
        UUID run = UUID.randomUUID();
        when(engine.syncNow(stored.getId())).thenReturn(run);
        assertThat(service.canSync()).isTrue();
        assertThat(inTenant(() -> service.syncNow(stored.getId()))).isEqualTo(run);

        catalog.unregisterPlugin("test");
        assertThatThrownBy(() -> inTenant(() -> service.syncNow(stored.getId())))
                .isInstanceOf(ConnectorUnavailableException.class);
        verify(engine).syncNow(stored.getId());
    }

    @Test
    void withoutASyncEngineNothingIsPlannedAndSyncNowIsNotOffered() {
        when(engineProvider.getIfAvailable()).thenReturn(null);
        assertThat(service.canSync()).isFalse();
        inTenant(() -> service.create(UUID.randomUUID(),
                draft("Régie", "123-456-7890", TestConnector.GOOD_KEY), List.of(), Schedule.DAILY));
        Connection created = stored();
        inTenant(() -> service.setSchedule(created.getId(), Schedule.MANUAL));
        inTenant(() -> service.delete(created.getId()));
        assertThatThrownBy(() -> inTenant(() -> service.syncNow(created.getId())))
                .isInstanceOf(IllegalStateException.class);
        verify(engine, never()).scheduleChanged(any(), any());
        verify(engine, never()).connectionRemoved(any());
    }

    private Connection stored() {
        Connection connection = new Connection(UUID.randomUUID(), TestConnector.ID, "Régie", null);
        connection.setSchedule(Schedule.DAILY);
        when(connections.findById(connection.getId())).thenReturn(Optional.of(connection));
        return connection;
    }

    private static <T> T inTenant(Supplier<T> work) {
        return TenantContext.runAs(TenantContext.Scope.tenant(TENANT), work);
    }

    private static void inTenant(Runnable work) {
        TenantContext.runAs(TenantContext.Scope.tenant(TENANT), work);
    }
}
