package com.campagne.analytics;

import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveService;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The SMART objectives filled with measured values: each objective's KPI computed by the KPI library over
 * its scope (its campaign's linked network campaigns over the campaign's period, or the whole client from
 * the objective's creation) up to today or its deadline, and its status.
 */
@Service
public class ObjectiveProgressService {

    /** Where an objective stands. Labels: {@code objectives.status.<NAME>}. */
    public enum Status {
        /** No measured value yet (no data, or a KPI that cannot be computed). */
        NO_DATA,
        /** Measured value where it should be by now. */
        ON_TRACK,
        /** Behind where it should be by now. */
        AT_RISK,
        /** Target met (a total reached before the deadline, or any target met at the deadline). */
        REACHED,
        /** Deadline passed without meeting the target. */
        MISSED
    }

    /** One objective with its measured value (null when unknown) and the expected value by now. */
    public record Progress(Objective objective, BigDecimal measured, BigDecimal expectedByNow, String currency,
                           LocalDate from, LocalDate to, Status status) {

        /** How far the measured value went from the starting point towards the target, 0 to 1 (null if unknown). */
        public BigDecimal completion() {
            return ObjectiveProgressService.completion(objective, measured);
        }
    }

    private final ObjectiveService objectives;
    private final CampaignScope scopes;
    private final MetricsQuery metrics;
    private final TenantSettingsService tenants;
    private final Clock clock;

    ObjectiveProgressService(ObjectiveService objectives, CampaignScope scopes, MetricsQuery metrics,
                             TenantSettingsService tenants, Clock clock) {
        this.objectives = objectives;
        this.scopes = scopes;
        this.metrics = metrics;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The client's objectives (only the campaign's when {@code campaignId} is set), measured. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Progress> progress(UUID clientId, UUID campaignId) {
        LocalDate today = LocalDate.now(clock);
        String tenantCurrency = tenants.current().getCurrency();
        List<Progress> result = new ArrayList<>();
        for (Objective objective : objectives.list(clientId, campaignId)) {
            result.add(measure(objective, today, tenantCurrency));
        }
        return result;
    }

    private Progress measure(Objective objective, LocalDate today, String tenantCurrency) {
        MetricsFilter filter;
        String currency = tenantCurrency;
        if (objective.getCampaignId() != null) {
            CampaignScope.Scope scope = scopes.of(objective.getCampaignId()).orElse(null);
            if (scope == null || scope.refs().isEmpty()) {
                return new Progress(objective, null, null, currency, null, null, Status.NO_DATA);
            }
            currency = scope.campaign().getCurrency();
            filter = scope.filter();
        } else {
            LocalDate start = LocalDate.ofInstant(objective.getCreatedAt(), clock.getZone());
            LocalDate end = objective.getDeadline() == null ? today : objective.getDeadline();
            filter = new MetricsFilter(start.isAfter(end) ? end : start, end, Set.of(objective.getClientId()),
                    null, null, null, null, null);
        }
        // Measured up to the last complete day: today's figures are still arriving.
        LocalDate yesterday = today.minusDays(1);
        LocalDate until = filter.to().isAfter(yesterday) ? yesterday : filter.to();
        if (until.isBefore(filter.from())) {
            return new Progress(objective, null, null, currency, filter.from(), filter.to(), Status.NO_DATA);
        }
        MetricTotals totals = metrics.totals(filter.withRange(filter.from(), until));
        BigDecimal measured = totals.isEmpty() ? null : totals.value(objective.getMetric(), currency);
        BigDecimal expected = expectedByNow(objective, filter.from(), filter.to(), until);
        return new Progress(objective, measured, expected, currency, filter.from(), filter.to(),
                status(objective, measured, expected, today));
    }

    /**
     * Where a total (impressions, conversions…) should be by now if it grows evenly from the baseline (or 0)
     * to the target; a rate or a cost per result is expected at its target all along.
     */
    static BigDecimal expectedByNow(Objective objective, LocalDate from, LocalDate to, LocalDate until) {
        BigDecimal target = objective.getTargetValue();
        if (target == null || !isTotal(objective.getMetric())) {
            return target;
        }
        long all = ChronoUnit.DAYS.between(from, to) + 1;
        long elapsed = Math.min(all, ChronoUnit.DAYS.between(from, until) + 1);
        BigDecimal base = objective.getBaseline() == null ? BigDecimal.ZERO : objective.getBaseline();
        return base.add(target.subtract(base).multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(all), 6, RoundingMode.HALF_UP));
    }

    static Status status(Objective objective, BigDecimal measured, BigDecimal expected, LocalDate today) {
        BigDecimal target = objective.getTargetValue();
        if (measured == null || target == null) {
            return Status.NO_DATA;
        }
        Kpi kpi = objective.getMetric();
        boolean met = kpi.higherIsBetter() ? measured.compareTo(target) >= 0 : measured.compareTo(target) <= 0;
        boolean over = objective.getDeadline() != null && today.isAfter(objective.getDeadline());
        if (over) {
            return met ? Status.REACHED : Status.MISSED;
        }
        if (isTotal(kpi) && kpi.higherIsBetter() && met) {
            return Status.REACHED;
        }
        // A total only grows: a spending cap already passed cannot be met any more.
        if (isTotal(kpi) && !kpi.higherIsBetter() && !met) {
            return Status.MISSED;
        }
        boolean onPace = kpi.higherIsBetter() ? measured.compareTo(expected) >= 0 : measured.compareTo(expected) <= 0;
        return onPace ? Status.ON_TRACK : Status.AT_RISK;
    }

    /**
     * The way travelled from the starting point (the baseline, else 0 for a total) to the target, clamped to
     * 0–1; without a baseline a rate to bring down is judged by target ÷ measured.
     */
    static BigDecimal completion(Objective objective, BigDecimal measured) {
        BigDecimal target = objective.getTargetValue();
        if (measured == null || target == null) {
            return null;
        }
        BigDecimal base = objective.getBaseline();
        if (base == null && isTotal(objective.getMetric())) {
            base = BigDecimal.ZERO;
        }
        BigDecimal fraction;
        if (base != null && target.compareTo(base) != 0) {
            fraction = measured.subtract(base).divide(target.subtract(base), 4, RoundingMode.HALF_UP);
        } else if (base != null) {
            boolean met = objective.getMetric().higherIsBetter() ? measured.compareTo(target) >= 0
                    : measured.compareTo(target) <= 0;
            fraction = met ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (objective.getMetric().higherIsBetter()) {
            fraction = target.signum() == 0 ? BigDecimal.ONE : measured.divide(target, 4, RoundingMode.HALF_UP);
        } else {
            fraction = measured.signum() == 0 ? BigDecimal.ONE : target.divide(measured, 4, RoundingMode.HALF_UP);
        }
        return fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Whether the KPI is a sum that grows over the period (rather than a rate or a cost per result). */
    static boolean isTotal(Kpi kpi) {
        return kpi.unit() == Kpi.Unit.COUNT || kpi == Kpi.COST || kpi == Kpi.CONVERSION_VALUE;
    }
}
