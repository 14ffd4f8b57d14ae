package com.campagne.analytics.dashboard;

import com.campagne.analytics.CampaignScope;
import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.dashboard.DashboardService.Comparison;
import com.campagne.analytics.dashboard.DashboardService.Dashboard;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards, drill-downs and exports never cross tenants, and a client viewer sees only the clients granted:
 * another tenant's user asking for a client's figures by its id gets nothing, and the views' lookups (client,
 * campaign scope) answer "not found".
 */
class DashboardIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DashboardService dashboards;
    @Autowired ClientService clients;
    @Autowired CampaignScope scopes;

    @Test
    void anotherTenantAndAnUngrantedViewerGetNothing() {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CampagneUser ownerA = fixture.owner("Agence A " + suffix);
        DemoClient.Synced demo = DemoClient.create(context, ownerA, "Client Démo A");
        UUID otherClient = as(ownerA, () -> clients.save(new Client("Client Sans Données"))).getId();
        UUID campaign = as(ownerA, () -> fixture.campaign(demo.clientId(), "Printemps")).getId();
        CampagneUser ownerB = fixture.owner("Agence B " + suffix);
        CampagneUser viewerGranted = fixture.member(ownerA, Role.CLIENT_VIEWER, "Valérie", demo.clientId());
        CampagneUser viewerElsewhere = fixture.member(ownerA, Role.CLIENT_VIEWER, "Victor", otherClient);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        MetricsFilter all = MetricsFilter.range(today.minusDays(90), today.minusDays(1));
        MetricsFilter clientA = all.withClients(Set.of(demo.clientId()));

        Dashboard seen = as(ownerA, () -> dashboards.build(clientA, Comparison.PREVIOUS_PERIOD));
        assertThat(seen.isEmpty()).isFalse();
        String channel = seen.breakdowns().get(Dimension.CHANNEL).getFirst().key();

        // Another tenant: the client's id gives no figure, no row behind, no filter value, no export line.
        for (MetricsFilter asked : new MetricsFilter[] {all, clientA,
                clientA.withConnections(Set.of(demo.connectionId())),
                DashboardService.narrowed(clientA, Dimension.CHANNEL, channel)}) {
            Dashboard other = as(ownerB, () -> dashboards.build(asked, Comparison.PREVIOUS_YEAR));
            assertThat(other.isEmpty()).isTrue();
            assertThat(other.cards()).isEmpty();
            assertThat(other.daily()).isEmpty();
            assertThat(other.breakdowns().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
            assertThat(as(ownerB, () -> dashboards.rowsBehind(asked))).isEmpty();
            var options = as(ownerB, () -> dashboards.options(asked));
            assertThat(options.campaigns()).isEmpty();
            assertThat(options.channels()).isEmpty();
            assertThat(options.connections()).isEmpty();
            assertThat(options.clients()).isEmpty();
        }
        assertThat(as(ownerB, () -> dashboards.hasConnections(Set.of(demo.clientId())))).isFalse();
        // What the client and campaign dashboards look up first: not found, so the views answer 404.
        assertThat(as(ownerB, () -> clients.find(demo.clientId()))).isEmpty();
        assertThat(as(ownerB, () -> scopes.of(campaign))).isEmpty();

        // A client viewer granted another client: nothing of this one, not even through the overview.
        assertThat(as(viewerElsewhere, () -> clients.find(demo.clientId()))).isEmpty();
        assertThat(as(viewerElsewhere, () -> scopes.of(campaign))).isEmpty();
        assertThat(as(viewerElsewhere, () -> dashboards.build(clientA, Comparison.NONE)).isEmpty()).isTrue();
        assertThat(as(viewerElsewhere, () -> dashboards.build(all, Comparison.NONE)).isEmpty()).isTrue();
        assertThat(as(viewerElsewhere, () -> dashboards.rowsBehind(clientA))).isEmpty();
        assertThat(as(viewerElsewhere, () -> dashboards.options(all)).clients()).isEmpty();

        // The granted viewer sees the same figures as the agency.
        Dashboard granted = as(viewerGranted, () -> dashboards.build(clientA, Comparison.PREVIOUS_PERIOD));
        assertThat(granted.value(Kpi.COST)).isEqualByComparingTo(seen.value(Kpi.COST));
        assertThat(granted.value(Kpi.CLICKS)).isEqualByComparingTo(seen.value(Kpi.CLICKS));
        assertThat(as(viewerGranted, () -> dashboards.build(all, Comparison.NONE)).value(Kpi.COST))
                .isEqualByComparingTo(seen.value(Kpi.COST));
        assertThat(as(viewerGranted, () -> dashboards.options(all)).clients()).containsOnlyKeys(demo.clientId().toString());
        assertThat(as(viewerGranted, () -> dashboards.rowsBehind(clientA))).isNotEmpty();

        // The export of another tenant's table holds a header and no line.
        Dashboard other = as(ownerB, () -> dashboards.build(clientA, Comparison.NONE));
        DashboardExport.Table table = new DashboardExport.Table("Canal", DashboardService.TABLE.stream()
                .map(Kpi::name).toList(), DashboardService.TABLE, other.breakdowns().get(Dimension.CHANNEL).stream()
                .map(r -> new DashboardExport.Line(r.key(), DashboardService.TABLE.stream()
                        .map(k -> r.totals().value(k, other.currency())).toList())).toList(), other.currency());
        String csv = new String(DashboardExport.csv(table, Locale.FRENCH), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.strip().lines()).hasSize(1);
    }
}
