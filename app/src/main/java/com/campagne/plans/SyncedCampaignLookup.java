package com.campagne.plans;

import com.campagne.clients.ClientService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The network campaigns a plan line can be linked to: those the client's connections discovered
 * ({@code synced_campaigns}). Read with a native query inside the tenant transaction, so row-level
 * security keeps other tenants' rows out.
 */
@Service
public class SyncedCampaignLookup {

    /** One campaign as a network knows it, and the connector that found it (e.g. "Google Ads"). */
    public record SyncedCampaign(UUID connectionId, String accountId, String campaignId, String name,
                                 String network) {

        public boolean sameAs(PlanLineItem line) {
            return connectionId.equals(line.getSyncedConnectionId()) && accountId.equals(line.getSyncedAccountId())
                    && campaignId.equals(line.getSyncedCampaignId());
        }
    }

    @PersistenceContext
    private EntityManager entityManager;
    private final ConnectorCatalog connectors;
    private final ClientService clients;

    SyncedCampaignLookup(ConnectorCatalog connectors, ClientService clients) {
        this.connectors = connectors;
        this.clients = clients;
    }

    /** The client's synced campaigns, by name; the network named in the user's language. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public List<SyncedCampaign> forClient(UUID clientId, Locale locale) {
        if (clients.find(clientId).isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select s.connection_id, s.account_id, s.campaign_id,"
                        + " s.name, c.connector_id from synced_campaigns s join connections c"
                        + " on c.tenant_id = s.tenant_id and c.id = s.connection_id"
                        + " where c.client_id = ?1 order by lower(coalesce(s.name, s.campaign_id)), s.campaign_id")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> {
            String connectorId = Objects.toString(r[4], "");
            String network = connectors.find(connectorId).map(h -> h.spec().name().in(locale)).orElse(connectorId);
            String name = r[3] == null ? (String) r[2] : (String) r[3];
            return new SyncedCampaign((UUID) r[0], (String) r[1], (String) r[2], name, network);
        }).toList();
    }

    /** Whether a connection of this client discovered that campaign (other tenants' rows are out by RLS). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public boolean exists(UUID clientId, UUID connectionId, String accountId, String campaignId) {
        return !entityManager.createNativeQuery("select 1 from synced_campaigns s join connections c"
                        + " on c.tenant_id = s.tenant_id and c.id = s.connection_id"
                        + " where c.client_id = ?1 and s.connection_id = ?2 and s.account_id = ?3 and s.campaign_id = ?4")
                .setParameter(1, clientId).setParameter(2, connectionId).setParameter(3, accountId)
                .setParameter(4, campaignId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The synced campaign a line is linked to, if it is still known. */
    public static java.util.Optional<SyncedCampaign> linkedTo(PlanLineItem line, List<SyncedCampaign> known) {
        if (line.getSyncedCampaignId() == null) {
            return java.util.Optional.empty();
        }
        return known.stream().filter(s -> s.sameAs(line)).findFirst();
    }
}
