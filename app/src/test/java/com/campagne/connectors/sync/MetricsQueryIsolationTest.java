package com.campagne.connectors.sync;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.analytics.Dimension;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.MetricsQuery;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.plans.CampaignFixture;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics store's read side answers each tenant with its own figures only: totals, series, breakdowns
 * and the raw rows behind them, even when asked for another tenant's client by id.
 */
class MetricsQueryIsolationTest extends SyncTestSupport {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired MetricsQuery metrics;

    @Test
    void anotherTenantsFiguresStayOut() {
        String connectorId = connector("isolated-figures", (context, request, sink) -> {
            for (int d = 0; d < 3; d++) {
                sink.accept(row(FIRST_DAY.plusDays(d), "acc-1", 1, Device.MOBILE, 1000));
            }
            sink.checkpoint("done");
        });
        CampagneUser ownerA = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence A " + UUID.randomUUID().toString().substring(0, 6));
        CampagneUser ownerB = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence B " + UUID.randomUUID().toString().substring(0, 6));
        UUID clientA = as(ownerA, () -> clients.save(new Client("Client A"))).getId();
        UUID clientB = as(ownerB, () -> clients.save(new Client("Client B"))).getId();
        ConnectionTarget a = newConnection(new UUID[]{ownerA.tenant().tenantId(), clientA}, connectorId, "acc-1");
        ConnectionTarget b = newConnection(new UUID[]{ownerB.tenant().tenantId(), clientB}, connectorId, "acc-1");
        assertThat(sync(a, SyncProperties.defaults()).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(sync(b, SyncProperties.defaults()).status()).isEqualTo(SyncRunStatus.SUCCEEDED);

        MetricsFilter range = MetricsFilter.range(FIRST_DAY, FIRST_DAY.plusDays(10));
        as(ownerA, () -> {
            assertThat(metrics.totals(range).counts().impressions()).as("A's own rows only").isEqualTo(3000L);
            assertThat(metrics.by(range, Dimension.CLIENT)).containsOnlyKeys(clientA.toString());
            MetricsFilter askingForB = range.withClients(Set.of(clientB));
            assertThat(metrics.totals(askingForB).isEmpty()).isTrue();
            assertThat(metrics.daily(askingForB)).isEmpty();
            assertThat(metrics.rowsBehind(askingForB)).isEmpty();
            assertThat(metrics.rowsBehind(range.withConnections(Set.of(b.connectionId())))).isEmpty();
            assertThat(metrics.rowsBehind(range)).hasSize(3)
                    .allSatisfy(r -> assertThat(r.connectionId()).isEqualTo(a.connectionId()));
        });
        as(ownerB, () -> assertThat(metrics.totals(range).counts().impressions()).isEqualTo(3000L));
    }
}
