package com.campagne.analytics;

import com.campagne.analytics.MetricsFilter.CampaignRef;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The metrics store's read side: totals, daily series and breakdowns for a {@link MetricsFilter}, read from
 * the rollups the sync engine keeps ({@code metric_campaign_daily}, or {@code metric_daily} when device or
 * country matter), never from the raw facts; and the raw facts behind a figure ({@link #rowsBehind}).
 * Native SQL inside the tenant's transaction, so row-level security keeps other tenants out; clients are
 * narrowed to those the user may see (a client viewer's grants).
 */
@Service
public class MetricsQuery {

    /** Rows at most in a drill-down: the rows behind a figure, not an export of the store. */
    public static final int MAX_ROWS_BEHIND = 500;

    private static final String SUMS = "sum(fact_rows), " + String.join(", ",
            Arrays.stream(MeasureSums.COLUMNS).map(c -> "sum(" + c + ")").toList());

    @PersistenceContext
    private EntityManager entityManager;
    private final ClientService clients;

    MetricsQuery(ClientService clients) {
        this.clients = clients;
    }

    /** The figures of the whole filter. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public MetricTotals totals(MetricsFilter filter) {
        return grouped(filter, null).getOrDefault("", MetricTotals.EMPTY);
    }

    /** The figures day by day; days without rows are absent. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public TreeMap<LocalDate, MetricTotals> daily(MetricsFilter filter) {
        TreeMap<LocalDate, MetricTotals> days = new TreeMap<>();
        grouped(filter, "day::text").forEach((day, totals) -> days.put(LocalDate.parse(day), totals));
        return days;
    }

    /** The figures per value of a dimension (unknown values under the key ""). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public Map<String, MetricTotals> by(MetricsFilter filter, Dimension dimension) {
        return grouped(filter, dimension.expression(), dimension.onlyInFinestRollup());
    }

    /**
     * Everything a dashboard shows for one filter in one round trip: the totals, the daily series and a
     * breakdown per dimension asked, computed by a single GROUPING SETS query over the rollup that can
     * answer (the coarse one unless device or country is asked or filtered).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public Summary summary(MetricsFilter filter, Collection<Dimension> dimensions) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<Dimension, Map<String, MetricTotals>> by = new EnumMap<>(Dimension.class);
        dimensions.forEach(d -> by.put(d, new LinkedHashMap<>()));
        if (where == null) {
            return new Summary(MetricTotals.EMPTY, new TreeMap<>(), by);
        }
        boolean finest = filter.needsDeviceOrCountry() || dimensions.stream().anyMatch(Dimension::onlyInFinestRollup);
        List<Dimension> dims = List.copyOf(dimensions);
        StringBuilder keys = new StringBuilder("day::text as k_day");
        StringBuilder sets = new StringBuilder("(currency), (k_day, currency)");
        StringBuilder flags = new StringBuilder("grouping(k_day)");
        StringBuilder values = new StringBuilder("k_day");
        for (int i = 0; i < dims.size(); i++) {
            keys.append(", coalesce(").append(dims.get(i).expression()).append(", '') as k").append(i);
            sets.append(", (k").append(i).append(", currency)");
            flags.append(", grouping(k").append(i).append(")");
            values.append(", k").append(i);
        }
        String table = finest ? "metric_daily" : "metric_campaign_daily";
        Query query = entityManager.createNativeQuery("select " + flags + ", " + values + ", currency, " + SUMS
                + " from (select " + keys + ", currency, fact_rows, " + String.join(", ", MeasureSums.COLUMNS)
                + " from " + table + " where " + where + ") r group by grouping sets (" + sets + ")");
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int sets0 = dims.size() + 1;
        List<Map.Entry<String, MeasureSums>> totals = new ArrayList<>();
        Map<String, List<Map.Entry<String, MeasureSums>>> days = new HashMap<>();
        List<Map<String, List<Map.Entry<String, MeasureSums>>>> perDimension = new ArrayList<>();
        dims.forEach(d -> perDimension.add(new LinkedHashMap<>()));
        for (Object[] row : rows) {
            String currency = row[2 * sets0] == null ? MetricTotals.NO_CURRENCY : row[2 * sets0].toString().trim();
            Map.Entry<String, MeasureSums> sums = Map.entry(currency, MeasureSums.fromRow(row, 2 * sets0 + 1));
            if (((Number) row[0]).intValue() == 0) {
                days.computeIfAbsent((String) row[sets0], k -> new ArrayList<>()).add(sums);
                continue;
            }
            int set = -1;
            for (int i = 0; i < dims.size(); i++) {
                if (((Number) row[i + 1]).intValue() == 0) {
                    set = i;
                }
            }
            if (set < 0) {
                totals.add(sums);
            } else {
                perDimension.get(set).computeIfAbsent((String) row[sets0 + 1 + set], k -> new ArrayList<>()).add(sums);
            }
        }
        TreeMap<LocalDate, MetricTotals> daily = new TreeMap<>();
        days.forEach((day, list) -> daily.put(LocalDate.parse(day), MetricTotals.of(list)));
        for (int i = 0; i < dims.size(); i++) {
            Map<String, MetricTotals> target = by.get(dims.get(i));
            perDimension.get(i).forEach((key, list) -> target.put(key, MetricTotals.of(list)));
        }
        return new Summary(MetricTotals.of(totals), daily, by);
    }

    /** A filter's totals, daily series and breakdowns (see {@link #summary}). */
    public record Summary(MetricTotals totals, TreeMap<LocalDate, MetricTotals> daily,
                          Map<Dimension, Map<String, MetricTotals>> by) {
    }

    /** The raw fact rows behind a figure (at most {@link #MAX_ROWS_BEHIND}, most recent first). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public List<FactRow> rowsBehind(MetricsFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        if (where == null) {
            return List.of();
        }
        Query query = entityManager.createNativeQuery("select day, connection_id, account_id, campaign_id, ad_group_id,"
                + " ad_id, hour, channel, device, country, currency, 1, " + String.join(", ", MeasureSums.COLUMNS)
                + " from metric_facts where " + where
                + " order by day desc, campaign_id, ad_group_id, ad_id, hour, device, country limit " + MAX_ROWS_BEHIND);
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new FactRow(toDate(r[0]), (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7],
                (String) r[8], trim(r[9]), trim(r[10]), MeasureSums.fromRow(r, 11))).toList();
    }

    /** One fact as synced: its dimensions and measures. */
    public record FactRow(LocalDate day, UUID connectionId, String accountId, String campaignId, String adGroupId,
                          String adId, Integer hour, String channel, String device, String country, String currency,
                          MeasureSums measures) {
    }

    private Map<String, MetricTotals> grouped(MetricsFilter filter, String groupExpression) {
        return grouped(filter, groupExpression, false);
    }

    private Map<String, MetricTotals> grouped(MetricsFilter filter, String groupExpression, boolean finest) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        if (where == null) {
            return Map.of();
        }
        String table = finest || filter.needsDeviceOrCountry() ? "metric_daily" : "metric_campaign_daily";
        String key = groupExpression == null ? "''" : "coalesce(" + groupExpression + ", '')";
        Query query = entityManager.createNativeQuery("select " + key + ", currency, " + SUMS + " from " + table
                + " where " + where + " group by 1, 2");
        bind(query, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, List<Map.Entry<String, MeasureSums>>> byKey = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byKey.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(Map.entry(row[1] == null ? MetricTotals.NO_CURRENCY : row[1].toString().trim(),
                            MeasureSums.fromRow(row, 2)));
        }
        Map<String, MetricTotals> result = new LinkedHashMap<>();
        byKey.forEach((k, v) -> result.put(k, MetricTotals.of(v)));
        return result;
    }

    /** The WHERE clause of a filter with its parameters, or null when no visible client is asked for. */
    private String where(MetricsFilter filter, List<Object> params) {
        // Staff see every client of the tenant (row-level security keeps other tenants' rows out); a client
        // viewer only the granted ones, whatever the filter asks.
        Optional<Set<UUID>> restricted = clients.restrictedTo();
        Set<UUID> asked = filter.clientIds();
        if (restricted.isPresent()) {
            asked = asked.isEmpty() ? restricted.get()
                    : asked.stream().filter(restricted.get()::contains).collect(Collectors.toSet());
            if (asked.isEmpty()) {
                return null;
            }
        }
        StringBuilder sql = new StringBuilder("day between ").append(param(params, filter.from())).append(" and ")
                .append(param(params, filter.to()));
        in(sql, "client_id", asked, params);
        in(sql, "channel", filter.channels(), params);
        in(sql, "connection_id", filter.connectionIds(), params);
        in(sql, "device", filter.devices(), params);
        in(sql, "country", filter.countries(), params);
        if (!filter.campaigns().isEmpty()) {
            // A ref without a campaign id stands for the rows of its account that belong to no campaign (site
            // traffic, account totals): the "Hors campagne" row of a breakdown, drilled into.
            List<String> any = new ArrayList<>();
            StringBuilder named = new StringBuilder();
            for (CampaignRef ref : filter.campaigns()) {
                String connection = param(params, ref.connectionId());
                String account = param(params, ref.accountId());
                if (ref.campaignId() == null || ref.campaignId().isEmpty()) {
                    any.add("(connection_id = " + connection + " and account_id = " + account
                            + " and campaign_id is null)");
                } else {
                    named.append(named.isEmpty() ? "" : ", ").append("(").append(connection).append(", ")
                            .append(account).append(", ").append(param(params, ref.campaignId())).append(")");
                }
            }
            if (!named.isEmpty()) {
                any.addFirst("(connection_id, account_id, campaign_id) in (" + named + ")");
            }
            sql.append(" and ").append(any.size() == 1 ? any.getFirst() : "(" + String.join(" or ", any) + ")");
        }
        return sql.toString();
    }

    private static void in(StringBuilder sql, String column, Collection<?> values, List<Object> params) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" and ").append(column).append(" in (")
                .append(values.stream().map(v -> param(params, v)).collect(Collectors.joining(", "))).append(")");
    }

    /** Adds a parameter and returns its numbered placeholder (?1, ?2…). */
    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static String trim(Object value) {
        return value == null ? null : value.toString().trim();
    }
}
