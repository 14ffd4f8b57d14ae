package com.campagne.analytics;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.analytics.MetricsFilter.CampaignRef;
import com.campagne.analytics.dashboard.DashboardService;
import com.campagne.analytics.dashboard.DashboardService.Comparison;
import com.campagne.analytics.dashboard.DashboardService.Dashboard;
import com.campagne.base.db.DatabaseSettings;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.CampaignFixture;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a campaign dashboard reads its figures from the metrics store at scale: 20 million fact rows
 * across 200 tenants (one with 2 million), a year of days, each campaign with 4 ad groups × 3 ads × 3
 * devices per day. In one run it times the campaign dashboard's figures for a 90-day range, compared with
 * the previous period, through the app's code ({@link DashboardService#build}, what the view calls: two
 * GROUPING SETS queries on the rollups, as the signed-in owner, row-level security on) and through the
 * straightforward SQL over the raw fact table (one query per figure set, same tenant scope), interleaved,
 * then checks both gave the same numbers and prints medians and p95.
 *
 * <p>{@code ./mvnw -pl app -Pbench verify -Dbench=dashboard} (loading takes several minutes). The last line
 * reads {@code BENCH dashboard app_p95_ms=… raw_p95_ms=… ratio=…} (ratio = app ÷ raw; target ≤ 0.2).
 */
@Tag("bench")
@Tag("dashboard")
class DashboardBench extends IntegrationTest {

    static final int TENANTS = Integer.getInteger("bench.tenants", 200);
    static final int DAYS = Integer.getInteger("bench.days", 365);
    /** Rows per campaign and day: 4 ad groups × 3 ads × 3 devices. */
    static final int ROWS_PER_CAMPAIGN_DAY = 36;
    /** The big tenant: 8 clients × 19 campaigns × 36 × 365 ≈ 2.0 M rows. */
    static final int BIG_CLIENTS = 8;
    static final int BIG_CAMPAIGNS = 19;
    /** Every other tenant: 1 client × 7 campaigns × 36 × 365 ≈ 92 000 rows (18.3 M in all). */
    static final int SMALL_CAMPAIGNS = 7;
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 40);
    static final int RANGE_DAYS = 90;

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired DatabaseSettings database;
    @Autowired MetricsQuery metrics;
    @Autowired DashboardService dashboards;

    record Dataset(UUID tenant, List<UUID> clients, List<UUID> connections, long facts) {
    }

    @Test
    void campaignDashboardAt20MillionRows() throws Exception {
        CampagneUser owner = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence Banc d’essai");
        UUID bigTenant = owner.tenant().tenantId();
        LocalDate last = LocalDate.now(clock).minusDays(1);
        LocalDate first = last.minusDays(DAYS - 1);

        long start = System.nanoTime();
        List<Dataset> datasets = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.url(), database.ownerUser(), database.ownerPassword())) {
            c.setAutoCommit(false);
            execute(c, "select ensure_metric_partitions(?::date, 15)", first.withDayOfMonth(1));
            c.commit();
            datasets.add(load(c, bigTenant, BIG_CLIENTS, BIG_CAMPAIGNS, first, last));
            for (int t = 1; t < TENANTS; t++) {
                UUID tenant = UUID.randomUUID();
                execute(c, "insert into tenants (id, kind, name, slug, locale, currency, time_zone, created_at, version)"
                        + " values (?, 'AGENCY', ?, ?, 'fr', 'EUR', 'Europe/Paris', now(), 0)", tenant,
                        "Banc " + t, "banc-" + tenant);
                c.commit();
                datasets.add(load(c, tenant, 1, SMALL_CAMPAIGNS, first, last));
                if (t % 20 == 0) {
                    System.out.printf("BENCH loading: %d tenants, %.0f s%n", t + 1, (System.nanoTime() - start) / 1e9);
                }
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze metric_facts");
                st.execute("vacuum analyze metric_daily");
                st.execute("vacuum analyze metric_campaign_daily");
            }
        }
        long facts = datasets.stream().mapToLong(Dataset::facts).sum();
        long bigFacts = count(bigTenant, "select count(*) from metric_facts");
        System.out.printf("BENCH loaded facts=%d big_tenant_facts=%d in %.0f s%n", facts, bigFacts,
                (System.nanoTime() - start) / 1e9);
        long bigExpected = (long) BIG_CLIENTS * BIG_CAMPAIGNS * ROWS_PER_CAMPAIGN_DAY * DAYS;
        assertThat(bigFacts).isEqualTo(bigExpected);
        assertThat(facts).isEqualTo(bigExpected + (TENANTS - 1L) * SMALL_CAMPAIGNS * ROWS_PER_CAMPAIGN_DAY * DAYS);

        // The campaign dashboard of the big tenant, 90 days ending yesterday, a different campaign each time.
        Dataset big = datasets.getFirst();
        LocalDate to = last;
        LocalDate from = to.minusDays(RANGE_DAYS - 1);
        List<Long> app = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        // The raw way gets one open connection, like the app's pool gives it one: neither pays a connect.
        try (Connection rawConnection = DriverManager.getConnection(database.url(), database.appUser(),
                database.appPassword())) {
            rawConnection.setAutoCommit(false);
            for (int i = -5; i < ITERATIONS; i++) {
                int client = Math.floorMod(i, BIG_CLIENTS);
                int campaign = Math.floorMod(i * 7, BIG_CAMPAIGNS);
                MetricsFilter filter = new MetricsFilter(from, to, Set.of(big.clients().get(client)),
                        Set.of(new CampaignRef(big.connections().get(client), "acc-" + client, "cmp-" + campaign)),
                        null, null, null, null);
                long t0 = System.nanoTime();
                Figures viaApp = as(owner, () -> appFigures(filter));
                long t1 = System.nanoTime();
                Figures viaRaw = rawFigures(rawConnection, bigTenant, big.clients().get(client),
                        big.connections().get(client), "acc-" + client, "cmp-" + campaign, from, to);
                long t2 = System.nanoTime();
                assertThat(viaApp).as("the rollups give the raw table's figures").isEqualTo(viaRaw);
                if (i >= 0) {
                    app.add(t1 - t0);
                    raw.add(t2 - t1);
                }
            }
        }
        double appMedian = percentile(app, 50);
        double appP95 = percentile(app, 95);
        double rawMedian = percentile(raw, 50);
        double rawP95 = percentile(raw, 95);
        System.out.printf("BENCH dashboard detail: facts=%d big_tenant_facts=%d iterations=%d range_days=%d"
                        + " app_median_ms=%.1f raw_median_ms=%.1f%n", facts, bigFacts, ITERATIONS, RANGE_DAYS,
                appMedian, rawMedian);
        System.out.printf("BENCH dashboard app_p95_ms=%.1f raw_p95_ms=%.1f ratio=%.3f%n", appP95, rawP95,
                appP95 / rawP95);
    }

    /**
     * What the campaign dashboard asks, through the service its view calls: totals of the range and of the
     * previous period (comparison), both daily series, and the breakdowns (channel, campaign, connection,
     * device, country, client). The figures compared are those of the series and of the channel and device
     * breakdowns.
     */
    private Figures appFigures(MetricsFilter filter) {
        Dashboard dashboard = dashboards.build(filter, Comparison.PREVIOUS_PERIOD);
        return new Figures(key(dashboard.totals()), key(dashboard.previousTotals()),
                dashboard.daily().entrySet().stream().map(e -> e.getKey() + "=" + key(e.getValue())).sorted().toList(),
                rows(dashboard, Dimension.CHANNEL), rows(dashboard, Dimension.DEVICE));
    }

    private static List<String> rows(Dashboard dashboard, Dimension dimension) {
        return dashboard.breakdowns().get(dimension).stream().map(r -> r.key() + "=" + key(r.totals())).sorted()
                .toList();
    }

    /** The same figures by the straightforward SQL over metric_facts, in the tenant's scope. */
    private Figures rawFigures(Connection c, UUID tenant, UUID client, UUID connection, String account,
                               String campaign, LocalDate from, LocalDate to) throws SQLException {
        String where = " from metric_facts where client_id = ? and connection_id = ? and account_id = ?"
                + " and campaign_id = ? and day between ? and ?";
        String sums = "sum(impressions), sum(clicks), sum(cost), sum(conversions), sum(conversion_value)";
        try {
            execute(c, "select set_config('app.tenant_id', ?, true)", tenant.toString());
            LocalDate previousFrom = from.minusDays(RANGE_DAYS);
            String totals = first(rows(c, "select 'x', " + sums + where, client, connection, account, campaign, from, to));
            String previous = first(rows(c, "select 'x', " + sums + where, client, connection, account, campaign,
                    previousFrom, from.minusDays(1)));
            List<String> daily = rows(c, "select day::text, " + sums + where + " group by day", client, connection,
                    account, campaign, from, to);
            List<String> channels = rows(c, "select coalesce(channel, ''), " + sums + where + " group by channel",
                    client, connection, account, campaign, from, to);
            List<String> devices = rows(c, "select coalesce(device, ''), " + sums + where + " group by device",
                    client, connection, account, campaign, from, to);
            // The dashboard's other figures, which the raw way needs too: the previous period day by day,
            // and the breakdowns by campaign, connection, country and client.
            rows(c, "select day::text, " + sums + where + " group by day", client, connection, account, campaign,
                    previousFrom, from.minusDays(1));
            for (String column : List.of("campaign_id", "connection_id::text", "country", "client_id::text")) {
                rows(c, "select coalesce(" + column + ", ''), " + sums + where + " group by 1", client, connection,
                        account, campaign, from, to);
            }
            return new Figures(totals, previous, daily, channels, devices);
        } finally {
            c.rollback();
        }
    }

    /** The figures compared between the two ways: the summed measures, keyed. */
    record Figures(String totals, String previous, List<String> daily, List<String> channels, List<String> devices) {
    }

    private static String key(MetricTotals totals) {
        MeasureSums s = totals.in("EUR");
        return key(s.impressions(), s.clicks(), s.cost(), s.conversions(), s.conversionValue());
    }

    private static String key(Object... values) {
        return String.join("/", Arrays.stream(values).map(v -> v == null ? "null"
                : v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString()).toList());
    }

    private static String first(List<String> rows) {
        return rows.isEmpty() ? "" : rows.getFirst().substring(rows.getFirst().indexOf('=') + 1);
    }

    private static List<String> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1) + "=" + key(rs.getObject(2), rs.getObject(3), rs.getObject(4),
                            rs.getObject(5), rs.getObject(6)));
                }
            }
            result.sort(null);
            return result;
        }
    }

    /**
     * One tenant's clients, connections and a year of facts, generated in the database, then its rollups
     * built by the same grouping the sync engine applies to each batch.
     */
    private Dataset load(Connection c, UUID tenant, int clients, int campaigns, LocalDate first, LocalDate last)
            throws SQLException {
        List<UUID> clientIds = new ArrayList<>();
        List<UUID> connectionIds = new ArrayList<>();
        long facts = 0;
        execute(c, "select set_config('app.tenant_id', ?, true)", tenant.toString());
        for (int k = 0; k < clients; k++) {
            UUID client = UUID.randomUUID();
            UUID connection = UUID.randomUUID();
            execute(c, "insert into clients (id, tenant_id, name, created_at, updated_at, version)"
                    + " values (?, ?, ?, now(), now(), 0)", client, tenant, "Client " + k);
            execute(c, "insert into connections (tenant_id, id, client_id, connector_id, name, schedule, created_at,"
                    + " updated_at, version) values (?, ?, ?, 'demo', 'Banc', 'MANUAL', now(), now(), 0)",
                    tenant, connection, client);
            // Measures vary with the day, campaign, ad group, ad and device, deterministically.
            facts += update(c, "insert into metric_facts (tenant_id, connection_id, day, dims_key, client_id, account_id,"
                    + " campaign_id, ad_group_id, ad_id, channel, device, country, currency, impressions, clicks, cost,"
                    + " conversions, conversion_value, updated_at)"
                    + " select ?, ?, d::date, md5(concat_ws('|', 'acc-" + k + "', cmp, grp, ad, dev))::uuid, ?,"
                    + " 'acc-" + k + "', 'cmp-' || cmp, 'grp-' || cmp || '-' || grp, 'ad-' || cmp || '-' || grp || '-' || ad,"
                    + " (array['SEARCH','SOCIAL','DISPLAY','VIDEO'])[1 + cmp % 4], dev, 'FR', 'EUR',"
                    + " s * 3, s / 7, round(s * 0.13, 2), s % 17, round(s * 0.41, 2), now()"
                    + " from generate_series(?::date, ?::date, interval '1 day') d,"
                    + " generate_series(0, " + (campaigns - 1) + ") cmp, generate_series(0, 3) grp,"
                    + " generate_series(0, 2) ad, unnest(array['DESKTOP','MOBILE','TABLET']) dev,"
                    + " lateral (select (extract(doy from d)::int * 7919 + cmp * 104729 + grp * 1299709 + ad * 15485863"
                    + " + length(dev) * 3571) % 100000 as s) m",
                    tenant, connection, client, first, last);
            clientIds.add(client);
            connectionIds.add(connection);
        }
        String sums = String.join(", ", Arrays.stream(MeasureSums.COLUMNS).map(m -> "sum(" + m + ")").toList());
        String measures = String.join(", ", MeasureSums.COLUMNS);
        String daily = "tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, device, country, currency";
        String campaignDaily = "tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, currency";
        execute(c, "insert into metric_daily (" + daily + ", fact_rows, " + measures + ") select " + daily
                + ", count(*), " + sums + " from metric_facts where tenant_id = ? group by " + daily, tenant);
        execute(c, "insert into metric_campaign_daily (" + campaignDaily + ", fact_rows, " + measures + ") select "
                + campaignDaily + ", sum(fact_rows), " + sums + " from metric_daily where tenant_id = ? group by "
                + campaignDaily, tenant);
        c.commit();
        return new Dataset(tenant, clientIds, connectionIds, facts);
    }

    private long count(UUID tenant, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.ownerUser(), database.ownerPassword())) {
            c.setAutoCommit(false);
            execute(c, "select set_config('app.tenant_id', ?, true)", tenant.toString());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } finally {
                c.rollback();
            }
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
