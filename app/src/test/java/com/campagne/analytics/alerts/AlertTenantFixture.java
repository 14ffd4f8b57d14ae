package com.campagne.analytics.alerts;

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

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.campagne.support.ActingAs.as;

/** A quick alert without a sync: a client's demo connection whose access expires in 3 days, then an evaluation. */
final class AlertTenantFixture {

    private AlertTenantFixture() {
    }

    static Connection expiringConnection(ApplicationContext context, CampagneUser owner, String clientName,
                                         String connectionName) {
        Client client = as(owner, () -> context.getBean(ClientService.class).save(new Client(clientName)));
        ConnectorCatalog catalog = context.getBean(ConnectorCatalog.class);
        ConnectionService connections = context.getBean(ConnectionService.class);
        Map<String, String> defaults = new HashMap<>();
        catalog.find("demo").orElseThrow().spec().settings().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.key(), f.defaultValue()));
        ConnectionDraft draft = new ConnectionDraft("demo", connectionName, defaults, Map.of(), Map.of());
        Connection connection = as(owner, () -> {
            List<AccountRecord> found = connections.discover(null, draft, Locale.FRENCH);
            return connections.create(client.getId(), draft, found, Schedule.MANUAL);
        });
        AlertFixture.update(context, owner.tenant().tenantId(),
                "update connections set credentials_expire_at = ? where id = ?", OffsetDateTime.now().plusDays(3),
                connection.getId());
        context.getBean(AlertEvaluator.class).evaluate(owner.tenant().tenantId());
        return connection;
    }
}
