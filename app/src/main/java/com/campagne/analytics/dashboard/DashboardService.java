package com.campagne.analytics.dashboard;

import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.MeasureSums;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.MetricsQuery;
import com.campagne.analytics.MetricsQuery.FactRow;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The figures of a dashboard for one filter, computed once: KPI cards with their comparison, the daily series,
 * the breakdowns, the funnel. Everything goes through {@link MetricsQuery} (rollups, the tenant's transaction,
 * the user's visible clients) and the one KPI library; money is shown in one currency, the others named apart.
 */
@Service
public class DashboardService {

    /** The cards a dashboard may show, in order; a card without data on either side is left out. */
    public static final List<Kpi> CARDS = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CTR, Kpi.CPC,
            Kpi.CONVERSIONS, Kpi.CPA, Kpi.CONVERSION_VALUE, Kpi.ROAS, Kpi.ROI, Kpi.SESSIONS, Kpi.BOUNCE_RATE,
            Kpi.EMAIL_OPEN_RATE, Kpi.EMAIL_CLICK_RATE);

    /** The columns of a breakdown table. */
    public static final List<Kpi> TABLE = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CTR, Kpi.CONVERSIONS,
            Kpi.CPA, Kpi.CONVERSION_VALUE, Kpi.ROAS, Kpi.SESSIONS);

    /** The breakdowns of a dashboard. */
    public static final List<Dimension> BREAKDOWNS = List.of(Dimension.CHANNEL, Dimension.CAMPAIGN,
            Dimension.CONNECTION, Dimension.DEVICE, Dimension.COUNTRY, Dimension.CLIENT);

    /** The funnel's steps. */
    public static final List<Kpi> FUNNEL = List.of(Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.SESSIONS, Kpi.CONVERSIONS);

    /** What the figures are compared with. */
    public enum Comparison {
        NONE, PREVIOUS_PERIOD, PREVIOUS_YEAR;

        public MetricsFilter apply(MetricsFilter filter) {
            return switch (this) {
                case NONE -> null;
                case PREVIOUS_PERIOD -> filter.previousPeriod();
                case PREVIOUS_YEAR -> filter.previousYear();
            };
        }
    }

    /** One KPI card: the value, the comparison value and the change in % (null when unknown). */
    public record Card(Kpi kpi, BigDecimal value, BigDecimal previous, BigDecimal changePercent) {
    }

    /** One row of a breakdown: the dimension's key, its label, its figures. */
    public record Row(String key, String label, MetricTotals totals) {
    }

    /** One funnel step with the rate from the step before (null for the first or unknown). */
    public record FunnelStep(Kpi kpi, BigDecimal value, BigDecimal rateFromPrevious) {
    }

    /**
     * Everything a dashboard shows.
     *
     * @param excluded the cost of the rows in other currencies, left out of the money figures
     * @param previousDaily the comparison's days shifted onto this period's days (empty without comparison)
     */
    public record Dashboard(MetricsFilter filter, Comparison comparison, String currency, MetricTotals totals,
                            MetricTotals previousTotals, List<Card> cards, Map<String, BigDecimal> excluded,
                            TreeMap<LocalDate, MetricTotals> daily, TreeMap<LocalDate, MetricTotals> previousDaily,
                            Map<Dimension, List<Row>> breakdowns, List<FunnelStep> funnel) {

        public boolean isEmpty() {
            return totals.isEmpty();
        }

        public BigDecimal value(Kpi kpi) {
            return totals.value(kpi, currency);
        }

        /**
         * The days with figures in the compared period and in this one, when the compared one has fewer than
         * half as many: its changes (+11 000 % against a period a connection barely covers) compare unlike
         * things, and the screen says so.
         */
        public Optional<Coverage> partialComparison() {
            if (comparison == Comparison.NONE || daily.isEmpty() || previousDaily.size() * 2 >= daily.size()) {
                return Optional.empty();
            }
            return Optional.of(new Coverage(daily.size(), previousDaily.size()));
        }
    }

    /** Days with figures: in the period shown, and in the period it is compared with. */
    public record Coverage(int days, int previousDays) {
    }

    /** The values the filters offer (from the data the scope has, over the range). */
    public record Options(Map<String, String> clients, Map<String, String> campaigns, List<String> channels,
                          Map<String, String> connections, List<String> devices, List<String> countries) {
    }

    @PersistenceContext
    private EntityManager entityManager;
    private final MetricsQuery metrics;
    private final ClientService clients;
    private final TenantSettingsService tenants;

    DashboardService(MetricsQuery metrics, ClientService clients, TenantSettingsService tenants) {
        this.metrics = metrics;
        this.clients = clients;
        this.tenants = tenants;
    }

    /** The dashboard of a filter, compared as asked. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public Dashboard build(MetricsFilter filter, Comparison comparison) {
        // Two round trips whatever the breakdowns: the period's figures, then the comparison's.
        MetricsQuery.Summary summary = metrics.summary(filter, BREAKDOWNS);
        MetricTotals totals = summary.totals();
        String currency = totals.mainCurrency(tenants.current().getCurrency());
        MetricsFilter before = comparison.apply(filter);
        MetricsQuery.Summary compared = before == null ? null : metrics.summary(before, List.of());
        MetricTotals previous = compared == null ? MetricTotals.EMPTY : compared.totals();

        List<Card> cards = new ArrayList<>();
        for (Kpi kpi : CARDS) {
            BigDecimal value = totals.value(kpi, currency);
            BigDecimal prior = before == null ? null : previous.value(kpi, currency);
            if (value != null || prior != null) {
                cards.add(new Card(kpi, value, prior, change(value, prior)));
            }
        }
        Map<String, BigDecimal> excluded = new LinkedHashMap<>();
        for (String other : totals.currencies()) {
            if (!other.equals(currency)) {
                MeasureSums sums = totals.in(other);
                excluded.put(other, sums.cost() == null ? BigDecimal.ZERO : sums.cost());
            }
        }

        TreeMap<LocalDate, MetricTotals> daily = summary.daily();
        TreeMap<LocalDate, MetricTotals> previousDaily = new TreeMap<>();
        if (before != null) {
            long shift = ChronoUnit.DAYS.between(before.from(), filter.from());
            compared.daily().forEach((day, t) -> previousDaily.put(day.plusDays(shift), t));
        }

        Map<Dimension, List<Row>> breakdowns = new EnumMap<>(Dimension.class);
        for (Dimension dimension : BREAKDOWNS) {
            Map<String, MetricTotals> by = summary.by().get(dimension);
            Map<String, String> names = switch (dimension) {
                case CAMPAIGN -> campaignNames(by.keySet());
                case CONNECTION -> connectionNames(by.keySet());
                case CLIENT -> by.isEmpty() ? Map.of() : clientNames();
                default -> Map.of();
            };
            List<Row> rows = by.entrySet().stream()
                    .map(e -> new Row(e.getKey(), names.getOrDefault(e.getKey(), unnamed(dimension, e.getKey())),
                            e.getValue()))
                    .sorted(Comparator.comparing((Row r) -> cost(r.totals(), currency)).reversed()
                            .thenComparing(Row::label))
                    .toList();
            breakdowns.put(dimension, rows);
        }

        List<FunnelStep> funnel = new ArrayList<>();
        BigDecimal before1 = null;
        for (Kpi step : FUNNEL) {
            BigDecimal value = totals.value(step, currency);
            BigDecimal rate = before1 == null || value == null || before1.signum() == 0 ? null
                    : value.multiply(BigDecimal.valueOf(100)).divide(before1, 6, RoundingMode.HALF_UP);
            funnel.add(new FunnelStep(step, value, funnel.isEmpty() ? null : rate));
            before1 = value;
        }
        return new Dashboard(filter, comparison, currency, totals, previous, cards, excluded, daily, previousDaily,
                breakdowns, funnel);
    }

    /** The values the filter bar offers for a scope (clients and campaign refs kept, the other filters not). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public Options options(MetricsFilter scope) {
        MetricsFilter wide = new MetricsFilter(scope.from(), scope.to(), scope.clientIds(), scope.campaigns(),
                null, null, null, null);
        // One round trip for every dimension's values, then the names of those present.
        Map<Dimension, Map<String, MetricTotals>> by = metrics.summary(wide, List.of(Dimension.CLIENT,
                Dimension.CAMPAIGN, Dimension.CHANNEL, Dimension.CONNECTION, Dimension.DEVICE, Dimension.COUNTRY)).by();
        Set<String> campaigns = by.get(Dimension.CAMPAIGN).keySet();
        Set<String> connections = by.get(Dimension.CONNECTION).keySet();
        return new Options(
                named(Dimension.CLIENT, by.get(Dimension.CLIENT).keySet(), clientNames()),
                named(Dimension.CAMPAIGN, campaigns, campaignNames(campaigns)),
                sorted(by.get(Dimension.CHANNEL).keySet()),
                named(Dimension.CONNECTION, connections, connectionNames(connections)),
                sorted(by.get(Dimension.DEVICE).keySet()),
                sorted(by.get(Dimension.COUNTRY).keySet()));
    }

    /** The raw rows behind a figure (capped at {@link MetricsQuery#MAX_ROWS_BEHIND}). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public List<FactRow> rowsBehind(MetricsFilter filter) {
        return metrics.rowsBehind(filter);
    }

    /** Whether any connection feeds one of these clients (all visible ones when empty). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public boolean hasConnections(Set<UUID> clientIds) {
        Set<UUID> visible = visibleClientIds();
        Set<UUID> asked = clientIds.isEmpty() ? visible
                : clientIds.stream().filter(visible::contains).collect(Collectors.toSet());
        if (asked.isEmpty()) {
            return false;
        }
        return !entityManager.createNativeQuery("select 1 from connections where client_id in (:ids) limit 1")
                .setParameter("ids", asked).getResultList().isEmpty();
    }

    /** The filter of a breakdown row: the dashboard's filter narrowed to that value. */
    public static MetricsFilter narrowed(MetricsFilter filter, Dimension dimension, String key) {
        return switch (dimension) {
            case CHANNEL -> filter.withChannels(Set.of(key));
            case DEVICE -> filter.withDevices(Set.of(key));
            case COUNTRY -> filter.withCountries(Set.of(key));
            case CONNECTION -> filter.withConnections(Set.of(UUID.fromString(key)));
            case CLIENT -> filter.withClients(Set.of(UUID.fromString(key)));
            case CAMPAIGN -> filter.withCampaigns(Set.of(campaignRef(key)));
        };
    }

    /** A campaign breakdown key ("connection|account|campaign") as a reference. */
    public static MetricsFilter.CampaignRef campaignRef(String key) {
        String[] parts = key.split("\\|", 3);
        return new MetricsFilter.CampaignRef(UUID.fromString(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
    }

    /** The change from {@code previous} to {@code value} in % of the previous value; null when unknown. */
    static BigDecimal change(BigDecimal value, BigDecimal previous) {
        if (value == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal cost(MetricTotals totals, String currency) {
        BigDecimal cost = totals.in(currency).cost();
        return cost == null ? BigDecimal.ZERO : cost;
    }

    private Set<UUID> visibleClientIds() {
        return clients.visibleNames().keySet();
    }

    private Map<String, String> clientNames() {
        Map<String, String> names = new LinkedHashMap<>();
        clients.visibleNames().forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    /**
     * Names of the campaigns behind breakdown keys ("connection|account|campaign"), read for the connections
     * those keys name only (the keys come from the user's own figures; row-level security keeps the rest out).
     */
    private Map<String, String> campaignNames(Set<String> keys) {
        Set<UUID> connections = new HashSet<>();
        for (String key : keys) {
            try {
                connections.add(UUID.fromString(key.substring(0, key.indexOf('|'))));
            } catch (RuntimeException e) {
                // An unknown campaign (empty key) has no name to look up.
            }
        }
        Map<String, String> names = new HashMap<>();
        if (connections.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select s.connection_id::text || '|' || s.account_id"
                        + " || '|' || s.campaign_id, coalesce(s.name, s.campaign_id) from synced_campaigns s"
                        + " where s.connection_id in (:ids)")
                .setParameter("ids", connections).getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Names of the connections behind breakdown keys (their ids). */
    private Map<String, String> connectionNames(Set<String> keys) {
        Set<UUID> ids = new HashSet<>();
        for (String key : keys) {
            try {
                ids.add(UUID.fromString(key));
            } catch (RuntimeException e) {
                // No connection id: nothing to name.
            }
        }
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id::text, name from connections where id in (:ids)")
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /**
     * The label of a key no name was found for: a campaign the connection never listed shows its own id, not the
     * "connection|account|campaign" key; rows with no campaign at all (site traffic, account totals) are left out of the filter, which cannot select them.
     */
    private static String unnamed(Dimension dimension, String key) {
        if (dimension == Dimension.CAMPAIGN) {
            String[] parts = key.split("\\|", 3);
            return parts.length == 3 && !parts[2].isEmpty() ? parts[2] : key;
        }
        return key;
    }

    private static Map<String, String> named(Dimension dimension, Set<String> keys, Map<String, String> names) {
        Map<String, String> result = new LinkedHashMap<>();
        keys.stream().filter(k -> !k.isEmpty() && !(dimension == Dimension.CAMPAIGN && k.endsWith("|")))
                .sorted(Comparator.comparing((String k) -> names.getOrDefault(k, unnamed(dimension, k))))
                .forEach(k -> result.put(k, names.getOrDefault(k, unnamed(dimension, k))));
        return result;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().filter(k -> !k.isEmpty()).sorted().toList();
    }
}
