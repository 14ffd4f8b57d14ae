package com.campagne.analytics.alerts;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import com.campagne.plans.tasks.TaskFixture;
import com.campagne.support.TenantSql;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/**
 * A tenant whose client has a demo connection synced once by the engine, and a live campaign whose only plan
 * line (10 € flat over 61 days) is linked to a campaign that connection discovered: the demo network spends far
 * more than that, so the spend-pacing rule fires on the next evaluation.
 */
final class AlertFixture {

    record World(CampagneUser owner, UUID tenantId, Client client, Connection connection, Campaign campaign,
                 PlanLineItem line) {
    }

    private final ApplicationContext context;
    private final TaskFixture tasks;

    AlertFixture(ApplicationContext context) {
        this.context = context;
        this.tasks = new TaskFixture(context);
    }

    World world(String organization, String clientName, String campaignName) throws InterruptedException {
        CampagneUser owner = tasks.owner(organization, "Camille Alerte");
        UUID tenant = owner.tenant().tenantId();
        Client client = tasks.client(owner, clientName);
        ConnectorCatalog catalog = context.getBean(ConnectorCatalog.class);
        ConnectionService connections = context.getBean(ConnectionService.class);
        Map<String, String> defaults = new HashMap<>();
        catalog.find("demo").orElseThrow().spec().settings().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.key(), f.defaultValue()));
        ConnectionDraft draft = new ConnectionDraft("demo", "Démo", defaults, Map.of(), Map.of());
        Connection connection = as(owner, () -> {
            List<AccountRecord> found = connections.discover(null, draft, Locale.FRENCH);
            return connections.create(client.getId(), draft, found, Schedule.MANUAL);
        });
        syncAndWait(owner, connection.getId(), 1);
        SyncedCampaignLookup synced = context.getBean(SyncedCampaignLookup.class);
        // The Google Ads campaign that spent the most over the last 20 days: surely above a 10 € plan.
        com.campagne.analytics.MetricsQuery metrics = context.getBean(com.campagne.analytics.MetricsQuery.class);
        LocalDate recent = LocalDate.now(ZoneId.of("Europe/Paris"));
        SyncedCampaign target = as(owner, () -> synced.forClient(client.getId(), Locale.FRENCH)).stream()
                .filter(s -> s.accountId().contains("google"))
                .max(Comparator.comparing((SyncedCampaign s) -> {
                    java.math.BigDecimal cost = as(owner, () -> metrics.totals(com.campagne.analytics.MetricsFilter
                            .range(recent.minusDays(20), recent).withCampaigns(Set.of(
                                    new com.campagne.analytics.MetricsFilter.CampaignRef(s.connectionId(),
                                            s.accountId(), s.campaignId())))).in("EUR").cost());
                    return cost == null ? java.math.BigDecimal.ZERO : cost;
                })).orElseThrow();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Campaign campaign = tasks.campaign(owner, client.getId(), campaignName, today.minusDays(20), today.plusDays(40));
        MediaPlan plan = tasks.plan(owner, campaign.getId());
        PlanLineItem line = tasks.line(owner, plan.getId(), Channel.SEARCH, "Mots-clés marque", campaign.getStartDate(),
                campaign.getEndDate(), "10");
        MediaPlanService plans = context.getBean(MediaPlanService.class);
        PlanLineItem linked = as(owner, () -> {
            line.linkSyncedCampaign(target.connectionId(), target.accountId(), target.campaignId());
            return plans.saveLine(line);
        });
        CampaignService campaigns = context.getBean(CampaignService.class);
        Campaign live = as(owner, () -> {
            campaigns.changeStatus(campaign.getId(), CampaignStatus.PROPOSED, null);
            campaigns.changeStatus(campaign.getId(), CampaignStatus.APPROVED, null);
            return campaigns.changeStatus(campaign.getId(), CampaignStatus.LIVE, null);
        });
        return new World(owner, tenant, client, connection, live, linked);
    }

    /** Asks for a sync and waits until the connection has {@code runs} finished runs. */
    void syncAndWait(CampagneUser owner, UUID connectionId, int runs) throws InterruptedException {
        ConnectionService connections = context.getBean(ConnectionService.class);
        as(owner, () -> connections.syncNow(connectionId));
        DataSource data = context.getBean(DataSource.class);
        UUID tenant = owner.tenant().tenantId();
        for (Instant until = Instant.now().plus(Duration.ofSeconds(120)); Instant.now().isBefore(until); ) {
            long done = ((Number) TenantSql.one(data, tenant, "select count(*) n from sync_runs where connection_id = ?"
                    + " and status in ('SUCCEEDED', 'FAILED')", connectionId).get("n")).longValue();
            if (done >= runs) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("sync of " + connectionId + " did not finish");
    }

    /** The tenant's alerts of a kind, as the database holds them (row-level security applies). */
    static List<Map<String, Object>> events(DataSource data, UUID tenant, AlertKind kind) {
        return TenantSql.query(data, tenant, "select * from alert_events where kind = ? order by fired_at",
                kind.name());
    }

    /** Waits for an active alert of a kind (fired by the evaluation that follows a sync, on the sync's thread). */
    static Map<String, Object> waitForActive(DataSource data, UUID tenant, AlertKind kind) throws InterruptedException {
        for (Instant until = Instant.now().plus(Duration.ofSeconds(60)); Instant.now().isBefore(until); ) {
            List<Map<String, Object>> active = events(data, tenant, kind).stream()
                    .filter(e -> e.get("resolved_at") == null).toList();
            if (!active.isEmpty()) {
                return active.getFirst();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no " + kind + " alert fired");
    }

    /** Writes as the tenant (for what no screen sets, e.g. when a token expires). */
    static void update(ApplicationContext context, UUID tenant, String sql, Object... args) {
        context.getBean(TenantTransactions.class).inScope(TenantContext.Scope.tenant(tenant),
                () -> context.getBean(JdbcTemplate.class).update(sql, args));
    }
}
