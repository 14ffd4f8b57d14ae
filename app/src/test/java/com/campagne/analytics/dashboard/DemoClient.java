package com.campagne.analytics.dashboard;

import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, String> defaults = new HashMap<>();
        catalog.find("demo").orElseThrow().spec().settings().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.key(), f.defaultValue()));
        ConnectionDraft draft = new ConnectionDraft("demo", "Démo", defaults, Map.of(), Map.of());
        Connection connection = as(owner, () -> {
            List<AccountRecord> found = connections.discover(null, draft, Locale.FRENCH);
            Connection created = connections.create(client, draft, found, Schedule.MANUAL);
            connections.syncNow(created.getId());
            return created;
        });
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            var last = as(owner, () -> connections.find(connection.getId())).orElseThrow().lastSync();
            if (last.isPresent()) {
                if (last.get().failed()) {
                    throw new IllegalStateException("the demo sync failed");
                }
                return new Synced(client, connection.getId());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the demo sync did not end in time");
    }
}
