package com.campagne.support;

import com.campagne.base.security.CampagneUser;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/**
 * A client's connection to the bundled demo connector with its default settings, made through the service as
 * the "try with demo data" button does, and synced once by the real engine.
 */
public final class DemoConnections {

    private static final Duration SYNC_TIME_OUT = Duration.ofSeconds(150);

    private DemoConnections() {
    }

    /** Creates the connection and waits until its first sync has succeeded; fails if it failed or hung. */
    public static Connection synced(CampagneUser owner, UUID clientId, ConnectionService connections,
                                    ConnectorCatalog catalog) {
        Map<String, String> defaults = new HashMap<>();
        catalog.find("demo").orElseThrow().spec().settings().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.key(), f.defaultValue()));
        ConnectionDraft draft = new ConnectionDraft("demo", "Démo", defaults, Map.of(), Map.of());
        Connection connection = as(owner, () -> {
            List<AccountRecord> found = connections.discover(null, draft, Locale.FRENCH);
            Connection created = connections.create(clientId, draft, found, Schedule.MANUAL);
            connections.syncNow(created.getId());
            return created;
        });
        for (Instant until = Instant.now().plus(SYNC_TIME_OUT); Instant.now().isBefore(until); ) {
            var last = as(owner, () -> connections.find(connection.getId())).orElseThrow().lastSync();
            if (last.isPresent()) {
                if (last.get().failed()) {
                    throw new AssertionError("The demo sync failed");
                }
                return connection;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The demo sync did not end within " + SYNC_TIME_OUT.toSeconds() + " s");
    }
}
