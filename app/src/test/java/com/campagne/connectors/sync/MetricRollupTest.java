package com.campagne.connectors.sync;

import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.connections.ConnectionTarget;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups dashboards read always equal the sums of the facts they fold: after a first sync, after a
 * re-sync that changes some days (only those slices are rebuilt), after one that changes nothing, and
 * they go with the connection.
 */
class MetricRollupTest extends SyncTestSupport {

    private static final String DAILY_SAME_AS_FACTS = """
            select count(*) from (
              (select day, campaign_id, channel, device, country, currency, count(*)::int rows_, sum(impressions) i,
                      sum(clicks) c, sum(cost) co, sum(conversions) cv
                 from metric_facts where connection_id = ? group by 1, 2, 3, 4, 5, 6
               except
               select day, campaign_id, channel, device, country, currency, fact_rows, impressions, clicks, cost,
                      conversions from metric_daily where connection_id = ?)
              union all
              (select day, campaign_id, channel, device, country, currency, fact_rows, impressions, clicks, cost,
                      conversions from metric_daily where connection_id = ?
               except
               select day, campaign_id, channel, device, country, currency, count(*)::int, sum(impressions),
                      sum(clicks), sum(cost), sum(conversions)
                 from metric_facts where connection_id = ? group by 1, 2, 3, 4, 5, 6)
            ) differences""";

    private static final String CAMPAIGN_DAILY_SAME_AS_FACTS = """
            select count(*) from (
              (select day, campaign_id, channel, currency, sum(impressions), sum(clicks), sum(cost)
                 from metric_facts where connection_id = ? group by 1, 2, 3, 4
               except
               select day, campaign_id, channel, currency, impressions, clicks, cost
                 from metric_campaign_daily where connection_id = ?)
              union all
              (select day, campaign_id, channel, currency, impressions, clicks, cost
                 from metric_campaign_daily where connection_id = ?
               except
               select day, campaign_id, channel, currency, sum(impressions), sum(clicks), sum(cost)
                 from metric_facts where connection_id = ? group by 1, 2, 3, 4)
            ) differences""";

    @Test
    void rollupsEqualTheFactsAfterEverySync() {
        AtomicInteger version = new AtomicInteger(1);
        String connectorId = connector("rollups", (context, request, sink) -> {
            for (int d = 0; d < 5; d++) {
                for (int c = 0; c < 3; c++) {
                    for (String adGroup : List.of("g1", "g2")) {
                        for (Device device : List.of(Device.DESKTOP, Device.MOBILE)) {
                            // From the second version on, day 3 of campaign 1 changes; the rest stays.
                            long bump = version.get() > 1 && d == 3 && c == 1 ? 1000 : 0;
                            long impressions = 100L * (d + 1) + 10L * c + device.ordinal() + bump;
                            sink.accept(new MetricRow(FIRST_DAY.plusDays(d), d % 2 == 0 ? null : 8 + c, "acc-1",
                                    "c" + c, adGroup, null, c == 2 ? Channel.SOCIAL : Channel.SEARCH, device, "FR",
                                    "EUR", Measures.builder().impressions(impressions).clicks(impressions / 10)
                                    .cost(BigDecimal.valueOf(impressions, 2)).build()));
                        }
                    }
                }
                sink.checkpoint("day " + d);
            }
        });
        ConnectionTarget target = newConnection(newTenant(), connectorId, "acc-1");

        assertThat(sync(target, SyncProperties.defaults()).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertSameAsFacts(target);
        // 5 days × 3 campaigns × 2 devices (ad groups and hours folded); then × 1 without devices.
        assertThat(count(target, "select count(*) from metric_daily where connection_id = ?")).isEqualTo(30);
        assertThat(count(target, "select count(*) from metric_campaign_daily where connection_id = ?")).isEqualTo(15);
        assertThat(count(target, "select sum(fact_rows) from metric_campaign_daily where connection_id = ?"))
                .isEqualTo(60);

        version.set(2);
        store.clearState(target.tenantId(), target.connectionId());
        assertThat(sync(target, SyncProperties.defaults()).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertSameAsFacts(target);
        assertThat(count(target, "select impressions from metric_campaign_daily where connection_id = ?"
                + " and day = ? and campaign_id = 'c1'", target.connectionId(), FIRST_DAY.plusDays(3)))
                .as("(410 + 411) × 2 ad groups + 1000 × 4 rows").isEqualTo(821 * 2 + 4000);

        store.clearState(target.tenantId(), target.connectionId());
        assertThat(sync(target, SyncProperties.defaults()).status()).isEqualTo(SyncRunStatus.SUCCEEDED);
        assertThat(lastRun(target).counts().written()).as("nothing changed, nothing rewritten").isZero();
        assertSameAsFacts(target);

        sql(target.tenantId(), "delete from connections where id = ?", target.connectionId());
        assertThat(count(target, "select count(*) from metric_daily where connection_id = ?")).isZero();
        assertThat(count(target, "select count(*) from metric_campaign_daily where connection_id = ?")).isZero();
    }

    private void assertSameAsFacts(ConnectionTarget target) {
        Object id = target.connectionId();
        assertThat(count(target.tenantId(), DAILY_SAME_AS_FACTS, id, id, id, id))
                .as("rows that differ between the facts and metric_daily").isZero();
        assertThat(count(target.tenantId(), CAMPAIGN_DAILY_SAME_AS_FACTS, id, id, id, id))
                .as("rows that differ between the facts and metric_campaign_daily").isZero();
    }

    private long count(ConnectionTarget target, String sql) {
        return count(target.tenantId(), sql, target.connectionId());
    }

    private long count(ConnectionTarget target, String sql, Object... params) {
        return count(target.tenantId(), sql, params);
    }
}
