package com.campagne.analytics.dashboard;

import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.dashboard.DashboardService.Card;
import com.campagne.analytics.dashboard.DashboardService.Comparison;
import com.campagne.analytics.dashboard.DashboardService.Dashboard;
import com.campagne.analytics.dashboard.DashboardService.FunnelStep;
import com.campagne.analytics.dashboard.DashboardService.Row;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end test: a real demo sync, then every figure of the client dashboard (cards and their
 * comparison, each channel row, the daily series, the funnel) equals what plain SQL over the raw
 * {@code metric_facts} rows gives, computed here without the app's query or KPI code.
 */
class DashboardServiceTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DashboardService dashboards;
    @Autowired DataSource dataSource;

    private static final String SUMS = "count(*) n, sum(impressions) impressions, sum(clicks) clicks,"
            + " sum(cost) cost, sum(conversions) conversions, sum(conversion_value) value, sum(sessions) sessions,"
            + " sum(bounces) bounces, sum(emails_delivered) delivered, sum(emails_opened) opened,"
            + " sum(emails_clicked) eclicked";

    @Test
    void everyFigureOfTheClientDashboardEqualsTheSumsOfTheRawRows() {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        CampagneUser owner = fixture.owner("Agence Chiffres " + UUID.randomUUID().toString().substring(0, 6));
        UUID tenant = owner.tenant().tenantId();
        DemoClient.Synced demo = DemoClient.create(context, owner, "Boulangerie Martin");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        MetricsFilter filter = new MetricsFilter(today.minusDays(60), today.minusDays(1), Set.of(demo.clientId()),
                null, null, null, null, null);

        Dashboard dashboard = as(owner, () -> dashboards.build(filter, Comparison.PREVIOUS_PERIOD));
        assertThat(dashboard.isEmpty()).isFalse();
        String currency = dashboard.currency();
        MetricsFilter before = filter.previousPeriod();

        // Cards: each value and its comparison value, from the raw rows.
        Expected now = expected(tenant, demo.clientId(), filter.from(), filter.to(), "", currency);
        Expected then = expected(tenant, demo.clientId(), before.from(), before.to(), "", currency);
        assertThat(dashboard.cards()).extracting(Card::kpi).contains(Kpi.COST, Kpi.CLICKS, Kpi.IMPRESSIONS,
                Kpi.CONVERSIONS, Kpi.CPA, Kpi.ROAS, Kpi.SESSIONS);
        for (Card card : dashboard.cards()) {
            assertSame(card.kpi() + " now", card.value(), now.kpi(card.kpi()));
            assertSame(card.kpi() + " before", card.previous(), then.kpi(card.kpi()));
            BigDecimal change = now.kpi(card.kpi()) == null || then.kpi(card.kpi()) == null
                    || then.kpi(card.kpi()).signum() == 0 ? null
                    : now.kpi(card.kpi()).subtract(then.kpi(card.kpi())).multiply(BigDecimal.valueOf(100))
                    .divide(then.kpi(card.kpi()).abs(), 10, RoundingMode.HALF_UP);
            // The change is shown with two decimals; the library divides values already rounded to 6.
            assertSame(card.kpi() + " change", card.changePercent(), change, 2);
        }
        // Every KPI with data has its card; none without.
        for (Kpi kpi : DashboardService.CARDS) {
            boolean data = now.kpi(kpi) != null || then.kpi(kpi) != null;
            assertThat(dashboard.cards().stream().anyMatch(c -> c.kpi() == kpi)).as(kpi.name()).isEqualTo(data);
        }

        // Each channel row.
        List<Map<String, Object>> channels = TenantSql.query(dataSource, tenant,
                "select distinct coalesce(channel, '') channel from metric_facts where client_id = ? and day between ? and ?",
                demo.clientId(), Date.valueOf(filter.from()), Date.valueOf(filter.to()));
        List<Row> rows = dashboard.breakdowns().get(Dimension.CHANNEL);
        assertThat(rows).extracting(Row::key)
                .containsExactlyInAnyOrderElementsOf(channels.stream().map(r -> (String) r.get("channel")).toList());
        assertThat(rows).hasSizeGreaterThan(1);
        for (Row row : rows) {
            Expected channel = expected(tenant, demo.clientId(), filter.from(), filter.to(), row.key(), currency);
            for (Kpi kpi : DashboardService.TABLE) {
                assertSame(row.key() + " " + kpi, row.totals().value(kpi, currency), channel.kpi(kpi));
            }
        }

        // The daily series: every day's cost and clicks, and their sum.
        Map<LocalDate, BigDecimal> costByDay = new HashMap<>();
        Map<LocalDate, Long> clicksByDay = new HashMap<>();
        TenantSql.query(dataSource, tenant, "select day, sum(cost) filter (where currency = ?) cost, sum(clicks) clicks"
                        + " from metric_facts where client_id = ? and day between ? and ? group by day", currency,
                demo.clientId(), Date.valueOf(filter.from()), Date.valueOf(filter.to())).forEach(r -> {
            LocalDate day = ((Date) r.get("day")).toLocalDate();
            costByDay.put(day, (BigDecimal) r.get("cost"));
            clicksByDay.put(day, r.get("clicks") == null ? null : ((Number) r.get("clicks")).longValue());
        });
        assertThat(dashboard.daily().keySet()).containsExactlyInAnyOrderElementsOf(costByDay.keySet());
        BigDecimal dailySum = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, MetricTotals> day : dashboard.daily().entrySet()) {
            assertSame("cost " + day.getKey(), day.getValue().value(Kpi.COST, currency), costByDay.get(day.getKey()));
            assertSame("clicks " + day.getKey(), day.getValue().value(Kpi.CLICKS, currency),
                    clicksByDay.get(day.getKey()) == null ? null : BigDecimal.valueOf(clicksByDay.get(day.getKey())));
            BigDecimal cost = day.getValue().value(Kpi.COST, currency);
            dailySum = dailySum.add(cost == null ? BigDecimal.ZERO : cost);
        }
        assertSame("daily sum", dailySum, now.cost);
        // The comparison is drawn on this period's days.
        assertThat(dashboard.previousDaily().keySet()).allSatisfy(d -> assertThat(d).isBetween(filter.from(), filter.to()));

        // The funnel and its step rates.
        List<FunnelStep> funnel = dashboard.funnel();
        assertThat(funnel).extracting(FunnelStep::kpi).containsExactly(Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.SESSIONS,
                Kpi.CONVERSIONS);
        assertSame("funnel impressions", funnel.get(0).value(), big(now.impressions));
        assertSame("funnel clicks", funnel.get(1).value(), big(now.clicks));
        assertSame("funnel sessions", funnel.get(2).value(), big(now.sessions));
        assertSame("funnel conversions", funnel.get(3).value(), now.conversions);
        assertSame("clicks / impressions", funnel.get(1).rateFromPrevious(),
                percent(big(now.clicks), big(now.impressions)));
        assertSame("conversions / sessions", funnel.get(3).rateFromPrevious(),
                percent(now.conversions, big(now.sessions)));

        // The drill-down of a channel lists only that channel's rows, capped.
        String channel = rows.getFirst().key();
        var behind = as(owner, () -> dashboards.rowsBehind(DashboardService.narrowed(filter, Dimension.CHANNEL, channel)));
        assertThat(behind).isNotEmpty().hasSizeLessThanOrEqualTo(500)
                .allSatisfy(r -> assertThat(r.channel() == null ? "" : r.channel()).isEqualTo(channel));

        // The campaign breakdown's row of traffic outside any campaign drills down to exactly those rows, and
        // narrowed to it the dashboard's sessions are theirs.
        Row outside = dashboard.breakdowns().get(Dimension.CAMPAIGN).stream().filter(r -> r.key().endsWith("|"))
                .findFirst().orElseThrow();
        MetricsFilter outsideFilter = DashboardService.narrowed(filter, Dimension.CAMPAIGN, outside.key());
        assertThat(as(owner, () -> dashboards.rowsBehind(outsideFilter))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.campaignId()).isNull());
        Map<String, Object> sessions = TenantSql.one(dataSource, tenant, "select sum(sessions) as sessions"
                        + " from metric_facts where client_id = ? and day between ? and ? and campaign_id is null",
                demo.clientId(), Date.valueOf(filter.from()), Date.valueOf(filter.to()));
        assertSame("sessions outside any campaign", as(owner, () -> dashboards.build(outsideFilter, Comparison.NONE))
                .value(Kpi.SESSIONS), big(lng(sessions.get("sessions"))));
        assertSame("the row's sessions", outside.totals().value(Kpi.SESSIONS, currency),
                big(lng(sessions.get("sessions"))));
    }

    /** Sums of the raw rows of a client over a range (one channel, or all with ""), money in one currency. */
    private Expected expected(UUID tenant, UUID client, LocalDate from, LocalDate to, String channel, String currency) {
        String where = " from metric_facts where client_id = ? and day between ? and ?"
                + (channel.isEmpty() ? "" : " and coalesce(channel, '') = ?");
        Object[] params = channel.isEmpty() ? new Object[] {client, Date.valueOf(from), Date.valueOf(to)}
                : new Object[] {client, Date.valueOf(from), Date.valueOf(to), channel};
        Map<String, Object> all = TenantSql.one(dataSource, tenant, "select " + SUMS + where, params);
        Object[] moneyParams = new Object[params.length + 1];
        System.arraycopy(params, 0, moneyParams, 0, params.length);
        moneyParams[params.length] = currency;
        Map<String, Object> money = TenantSql.one(dataSource, tenant, "select " + SUMS + where + " and currency = ?",
                moneyParams);
        return new Expected(lng(all.get("impressions")), lng(all.get("clicks")), (BigDecimal) all.get("conversions"),
                lng(all.get("sessions")), lng(all.get("bounces")), lng(all.get("delivered")), lng(all.get("opened")),
                lng(all.get("eclicked")), (BigDecimal) money.get("cost"), (BigDecimal) money.get("value"),
                lng(money.get("clicks")), (BigDecimal) money.get("conversions"));
    }

    /** Hand-written KPI formulas (the definitions of the issue), over the SQL sums. */
    record Expected(Long impressions, Long clicks, BigDecimal conversions, Long sessions, Long bounces,
                    Long delivered, Long opened, Long emailClicks, BigDecimal cost, BigDecimal value,
                    Long moneyClicks, BigDecimal moneyConversions) {

        BigDecimal kpi(Kpi kpi) {
            return switch (kpi) {
                case COST -> cost;
                case IMPRESSIONS -> big(impressions);
                case CLICKS -> big(clicks);
                case CTR -> percent(big(clicks), big(impressions));
                case CPC -> ratio(cost, big(moneyClicks));
                case CONVERSIONS -> conversions;
                case CPA -> ratio(cost, moneyConversions);
                case CONVERSION_VALUE -> value;
                case ROAS -> ratio(value, cost);
                case ROI -> value == null || cost == null ? null : percent(value.subtract(cost), cost);
                case SESSIONS -> big(sessions);
                case BOUNCE_RATE -> percent(big(bounces), big(sessions));
                case EMAIL_OPEN_RATE -> percent(big(opened), big(delivered));
                case EMAIL_CLICK_RATE -> percent(big(emailClicks), big(delivered));
                default -> throw new IllegalArgumentException(kpi.name());
            };
        }
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a == null || b == null || b.signum() == 0 ? null : a.divide(b, 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal a, BigDecimal b) {
        return a == null || b == null || b.signum() == 0 ? null
                : a.multiply(BigDecimal.valueOf(100)).divide(b, 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal big(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static Long lng(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** Equal to the 4th decimal (the library keeps 6, the test 10), or both unknown. */
    private static void assertSame(String what, BigDecimal actual, BigDecimal expected) {
        assertSame(what, actual, expected, 4);
    }

    private static void assertSame(String what, BigDecimal actual, BigDecimal expected, int scale) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual.setScale(scale, RoundingMode.HALF_UP)).as(what)
                    .isEqualByComparingTo(expected.setScale(scale, RoundingMode.HALF_UP));
        }
    }
}
