package com.campagne.analytics.dashboard;

import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.DemoConnections;
import org.springframework.context.ApplicationContext;

import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/** A client with the bundled demo connection, synced by the engine to the end (as LinkToRealityTest does). */
final class DemoClient {

    private DemoClient() {
    }

    record Synced(UUID clientId, UUID connectionId) {
    }

    static Synced create(ApplicationContext context, CampagneUser owner, String name) {
        ClientService clients = context.getBean(ClientService.class);
        ConnectionService connections = context.getBean(ConnectionService.class);
        ConnectorCatalog catalog = context.getBean(ConnectorCatalog.class);
        UUID client = as(owner, () -> clients.save(new Client(name))).getId();
        Connection connection = DemoConnections.synced(owner, client, connections, catalog);
        return new Synced(client, connection.getId());
    }
}
