package com.campagne.analytics;

import com.campagne.analytics.MetricsFilter.CampaignRef;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Spend against the plan for one campaign (see {@link PlanVsActual}); used by dashboards, reports and alerts. */
@Service
public class PlanVsActualService {

    /** The volumes of a plan compared with what the networks measured. */
    public static final List<Kpi> PLANNED_KPIS = List.of(Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CONVERSIONS);

    /**
     * One plan line against what its linked network campaign spent.
     *
     * @param linked        the network campaign as the client's connection knows it (null when not linked, or
     *                      linked to a campaign no connection lists any more)
     * @param plannedToDate the line's cost spread evenly over its flight, to the cut day
     * @param actualToDate  measured cost of the linked campaign over the campaign's period to the cut day (null
     *                      when the line is not linked)
     */
    public record LineActual(PlanLineItem line, SyncedCampaign linked, BigDecimal plannedCost,
                             BigDecimal plannedToDate, BigDecimal actualToDate, BigDecimal pacing) {
    }

    /**
     * A volume the plan promises (impressions, clicks, conversions) against the measured one. Planned figures
     * are those of the lines linked to a network campaign, the only ones measured.
     */
    public record KpiAgainstPlan(Kpi kpi, BigDecimal planned, BigDecimal plannedToDate, BigDecimal measured,
                                 BigDecimal pacing) {
    }

    /** Everything the plan-versus-actual panel shows. */
    public record Detail(PlanVsActual spend, List<LineActual> lines, List<KpiAgainstPlan> kpis, long unlinkedLines,
                         UUID clientId) {

        public boolean anyLinked() {
            return lines.stream().anyMatch(l -> l.line().getSyncedCampaignId() != null);
        }
    }

    private final CampaignScope scopes;
    private final MetricsQuery metrics;
    private final SyncedCampaignLookup synced;
    private final Clock clock;

    PlanVsActualService(CampaignScope scopes, MetricsQuery metrics, SyncedCampaignLookup synced, Clock clock) {
        this.scopes = scopes;
        this.metrics = metrics;
        this.synced = synced;
        this.clock = clock;
    }

    /**
     * The last complete day of measured data: yesterday. Planned and measured are compared to that day, so a
     * day the networks have not reported yet does not pass for under-spending.
     */
    public LocalDate lastCompleteDay() {
        return LocalDate.now(clock).minusDays(1);
    }

    /** The campaign's plan against its measured spend up to the last complete day. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<PlanVsActual> of(UUID campaignId) {
        return of(campaignId, lastCompleteDay());
    }

    @Transactional(readOnly = true)
    @PermitAll
    public Optional<PlanVsActual> of(UUID campaignId, LocalDate asOf) {
        return scopes.of(campaignId).map(scope -> spend(scope, asOf));
    }

    private PlanVsActual spend(CampaignScope.Scope scope, LocalDate asOf) {
        String currency = scope.campaign().getCurrency().trim();
        TreeMap<LocalDate, BigDecimal> planned = PlanVsActual.plannedDaily(scope.lines());
        Map<LocalDate, BigDecimal> measured = new TreeMap<>();
        if (!scope.refs().isEmpty()) {
            metrics.daily(scope.filter()).forEach((day, totals) -> {
                BigDecimal cost = totals.in(currency).cost();
                if (cost != null) {
                    measured.put(day, cost);
                }
            });
        }
        return PlanVsActual.of(scope.campaign().getStartDate(), scope.campaign().getEndDate(), asOf, currency,
                planned, measured);
    }

    /** The spend, the planned volumes and each line against what was measured, up to the last complete day. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Detail> detail(UUID campaignId, Locale locale) {
        return detail(campaignId, lastCompleteDay(), locale);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Detail> detail(UUID campaignId, LocalDate asOf, Locale locale) {
        return scopes.of(campaignId).map(scope -> {
            PlanVsActual spend = spend(scope, asOf);
            LocalDate start = spend.start();
            LocalDate cut = spend.cut();
            boolean measurable = !scope.refs().isEmpty() && !cut.isBefore(start);
            // One grouped read for every line: the rollup per network campaign over the period to the cut day.
            Map<String, MetricTotals> byCampaign = measurable
                    ? metrics.by(scope.filter().withRange(start, cut), Dimension.CAMPAIGN) : Map.of();
            MetricTotals all = measurable ? metrics.totals(scope.filter().withRange(start, cut)) : MetricTotals.EMPTY;
            List<SyncedCampaign> known = scope.refs().isEmpty() ? List.of()
                    : synced.forClient(scope.campaign().getClientId(), locale);

            List<LineActual> lines = new ArrayList<>();
            for (PlanLineItem line : scope.lines()) {
                BigDecimal plannedToDate = PlanVsActual.toDate(line.getCost(), line.getStartDate(), line.getEndDate(), cut);
                BigDecimal actual = null;
                if (line.getSyncedCampaignId() != null) {
                    MetricTotals totals = byCampaign.getOrDefault(key(line), MetricTotals.EMPTY);
                    actual = totals.in(spend.currency()).cost();
                    actual = actual == null ? BigDecimal.ZERO : actual;
                }
                lines.add(new LineActual(line, SyncedCampaignLookup.linkedTo(line, known).orElse(null), line.getCost(),
                        plannedToDate, actual, PlanVsActual.pacing(actual, plannedToDate)));
            }
            List<PlanLineItem> linked = scope.lines().stream().filter(l -> l.getSyncedCampaignId() != null).toList();
            List<KpiAgainstPlan> kpis = new ArrayList<>();
            for (Kpi kpi : PLANNED_KPIS) {
                Function<PlanLineItem, BigDecimal> plannedOf = switch (kpi) {
                    case IMPRESSIONS -> PlanLineItem::getPlannedImpressions;
                    case CLICKS -> PlanLineItem::getPlannedClicks;
                    default -> PlanLineItem::getPlannedConversions;
                };
                BigDecimal planned = linked.stream().map(plannedOf).filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal plannedToDate = linked.stream()
                        .map(l -> PlanVsActual.toDate(plannedOf.apply(l), l.getStartDate(), l.getEndDate(), cut))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal measured = all.isEmpty() ? null : all.value(kpi, spend.currency());
                kpis.add(new KpiAgainstPlan(kpi, planned, plannedToDate, measured,
                        PlanVsActual.pacing(measured, plannedToDate)));
            }
            long unlinked = scope.lines().size() - linked.size();
            return new Detail(spend, lines, kpis, unlinked, scope.campaign().getClientId());
        });
    }

    /** The key of a line's network campaign in a {@link Dimension#CAMPAIGN} breakdown. */
    private static String key(PlanLineItem line) {
        CampaignRef ref = new CampaignRef(line.getSyncedConnectionId(), line.getSyncedAccountId(),
                line.getSyncedCampaignId());
        return ref.connectionId() + "|" + ref.accountId() + "|" + ref.campaignId();
    }
}
