package com.campagne.analytics.alerts;

import com.campagne.analytics.CampaignScope;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.MetricsFilter.CampaignRef;
import com.campagne.analytics.MetricsQuery;
import com.campagne.analytics.PlanVsActual;
import com.campagne.analytics.PlanVsActualService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.ui.Formats;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignRepository;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Evaluates a tenant's alert rules: finds the conditions true now, fires an alert for each new subject (and
 * e-mails it), refreshes the ones already active ({@code last_seen_at}) and resolves those whose condition
 * cleared. Runs in the tenant's own transaction (row-level security as for a user) and, having no session,
 * as the tenant's alert job: a principal of the tenant with a manager's rights, who reads but writes nothing
 * but alerts. Mails leave after the commit, so a rolled-back evaluation never mails.
 */
@Component
public class AlertEvaluator {

    /** Who the alert job acts as (no user of that id exists). */
    static final UUID JOB_USER = new UUID(0, 0xA1E27L);

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final TenantRepository tenants;
    private final TenantTransactions transactions;
    private final AlertRuleRepository rules;
    private final AlertEventRepository events;
    private final CampaignRepository campaigns;
    private final CampaignScope scopes;
    private final PlanVsActualService plans;
    private final MetricsQuery metrics;
    private final ObjectiveRepository objectives;
    private final JdbcTemplate jdbc;
    private final AlertMails mails;
    private final I18n i18n;
    private final Clock clock;

    AlertEvaluator(TenantRepository tenants, TenantTransactions transactions, AlertRuleRepository rules,
                   AlertEventRepository events, CampaignRepository campaigns, CampaignScope scopes,
                   PlanVsActualService plans, MetricsQuery metrics, ObjectiveRepository objectives, JdbcTemplate jdbc,
                   AlertMails mails, I18n i18n, Clock clock) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.rules = rules;
        this.events = events;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.plans = plans;
        this.metrics = metrics;
        this.objectives = objectives;
        this.jdbc = jdbc;
        this.mails = mails;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** Evaluates every tenant (the daily run); one tenant's trouble does not stop the others. Returns alerts fired. */
    public int evaluateAll() {
        List<Tenant> all = transactions.inScope(new TenantContext.Scope(null, null, null),
                (Supplier<List<Tenant>>) tenants::findAll);
        int fired = 0;
        for (Tenant tenant : all) {
            try {
                fired += evaluate(tenant);
            } catch (RuntimeException e) {
                log.warn("Alert evaluation of tenant {} failed", tenant.getId(), e);
            }
        }
        return fired;
    }

    /** Evaluates one tenant's rules now; returns how many alerts were newly fired. */
    public int evaluate(UUID tenantId) {
        Optional<Tenant> tenant = transactions.inScope(new TenantContext.Scope(null, null, null),
                (Supplier<Optional<Tenant>>) () -> tenants.findById(tenantId));
        return tenant.map(this::evaluate).orElse(0);
    }

    private int evaluate(Tenant tenant) {
        List<AlertMails.Outgoing> outgoing = asJob(tenant, () -> {
            try {
                return transactions.inScope(TenantContext.Scope.tenant(tenant.getId()),
                        (Supplier<List<AlertMails.Outgoing>>) () -> reconcile(tenant));
            } catch (DataIntegrityViolationException e) {
                // Another evaluation of the same tenant fired the same subject at the same moment: it has it.
                log.info("Alert evaluation of tenant {} raced another one; its alerts stand", tenant.getId());
                return List.of();
            }
        });
        outgoing.forEach(mails::send);
        return (int) outgoing.stream().map(AlertMails.Outgoing::eventId).distinct().count();
    }

    private List<AlertMails.Outgoing> reconcile(Tenant tenant) {
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(tenant.getTimeZone());
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        List<AlertRule> all = AlertDefaults.ensure(rules, null, now);
        List<AlertFinding> findings = new ArrayList<>();
        Set<AlertKind> failed = EnumSet.noneOf(AlertKind.class);
        try {
            campaignFindings(all, yesterday, findings, failed);
        } catch (RuntimeException e) {
            log.warn("Campaign alerts of tenant {} not evaluated", tenant.getId(), e);
            EnumSet.allOf(AlertKind.class).stream().filter(AlertKind::campaignLevel).forEach(failed::add);
        }
        for (AlertKind kind : List.of(AlertKind.CONNECTION_FAILING, AlertKind.TOKEN_EXPIRING)) {
            try {
                connectionFindings(kind, all, now, zone, findings);
            } catch (RuntimeException e) {
                log.warn("{} alerts of tenant {} not evaluated", kind, tenant.getId(), e);
                failed.add(kind);
            }
        }

        Map<String, AlertEvent> active = new HashMap<>();
        events.findByResolvedAtIsNull().forEach(e -> active.put(e.getSubjectKey(), e));
        List<AlertEvent> fired = new ArrayList<>();
        Map<AlertEvent, AlertRule> firedBy = new HashMap<>();
        for (AlertFinding finding : findings) {
            String fr = i18n.getTranslation(finding.messageKey(), I18n.FRENCH, finding.args().in(I18n.FRENCH));
            String en = i18n.getTranslation(finding.messageKey(), I18n.ENGLISH, finding.args().in(I18n.ENGLISH));
            AlertEvent existing = active.remove(finding.subjectKey());
            if (existing != null) {
                existing.seen(now, fr, en);
            } else {
                AlertEvent event = events.save(new AlertEvent(finding, finding.rule().getId(), fr, en, now));
                fired.add(event);
                firedBy.put(event, finding.rule());
            }
        }
        // What was not found again cleared, unless its check could not run this time.
        active.values().stream().filter(e -> !failed.contains(e.getKind())).forEach(e -> e.resolve(now));
        events.flush();
        List<AlertMails.Outgoing> outgoing = new ArrayList<>();
        for (AlertEvent event : fired) {
            if (firedBy.get(event).isNotifyByEmail()) {
                outgoing.addAll(mails.compose(event));
            }
        }
        return outgoing;
    }

    /** The rule of a kind that governs a subject: the most specific one covering it, enabled or not. */
    static Optional<AlertRule> governing(List<AlertRule> all, AlertKind kind, UUID clientId, UUID campaignId) {
        return all.stream().filter(r -> r.getKind() == kind && r.covers(clientId, campaignId))
                .max(Comparator.comparingInt(AlertRule::specificity)
                        .thenComparing(AlertRule::getCreatedAt, Comparator.reverseOrder()));
    }

    private static Optional<AlertRule> enabled(List<AlertRule> all, AlertKind kind, UUID clientId, UUID campaignId) {
        return governing(all, kind, clientId, campaignId).filter(AlertRule::isEnabled);
    }

    private void campaignFindings(List<AlertRule> all, LocalDate yesterday, List<AlertFinding> findings,
                                  Set<AlertKind> failed) {
        for (Campaign campaign : campaigns.findAll()) {
            if (campaign.getStatus() != CampaignStatus.LIVE || campaign.getStartDate() == null
                    || campaign.getEndDate() == null || yesterday.isBefore(campaign.getStartDate())) {
                continue;
            }
            Optional<CampaignScope.Scope> found = scopes.of(campaign.getId());
            if (found.isEmpty()) {
                continue;
            }
            CampaignScope.Scope scope = found.get();
            UUID client = campaign.getClientId();
            UUID id = campaign.getId();
            String currency = campaign.getCurrency();
            String name = campaign.getName();
            boolean measured = !scope.refs().isEmpty();
            LocalDate lastDay = yesterday.isAfter(campaign.getEndDate()) ? campaign.getEndDate() : yesterday;

            enabled(all, AlertKind.SPEND_PACING, client, id).ifPresent(rule -> guard(failed, rule.getKind(), () -> {
                PlanVsActual plan = plans.of(id, yesterday).orElse(null);
                if (AlertRules.overPacing(plan, rule.getThreshold())) {
                    findings.add(new AlertFinding(rule, rule.getKind(), client, id, null, "SPEND_PACING:" + id,
                            "alerts.message.SPEND_PACING", l -> new Object[]{name, KpiFormat.percent(plan.pacing(), l),
                            KpiFormat.percent(rule.getThreshold(), l), Formats.money(plan.actualToDate(), currency, l),
                            Formats.money(plan.plannedToDate(), currency, l)}));
                }
            }));
            if (!measured) {
                continue;
            }
            enabled(all, AlertKind.CPA_ABOVE_TARGET, client, id).ifPresent(rule -> guard(failed, rule.getKind(), () -> {
                BigDecimal target = rule.getThreshold() != null ? rule.getThreshold() : cpaObjective(client, id);
                MetricTotals totals = metrics.totals(scope.filter().withRange(campaign.getStartDate(), lastDay));
                BigDecimal cpa = AlertRules.cpa(totals, currency);
                if (AlertRules.cpaAbove(cpa, target)) {
                    findings.add(new AlertFinding(rule, rule.getKind(), client, id, null, "CPA_ABOVE_TARGET:" + id,
                            "alerts.message.CPA_ABOVE_TARGET", l -> new Object[]{name,
                            KpiFormat.format(Kpi.CPA, cpa, currency, l), KpiFormat.format(Kpi.CPA, target, currency, l)}));
                }
            }));
            enabled(all, AlertKind.CTR_DROP, client, id).ifPresent(rule -> guard(failed, rule.getKind(), () -> {
                MetricsFilter filter = scope.filter();
                MetricTotals day = metrics.totals(filter.withRange(yesterday, yesterday));
                MetricTotals week = metrics.totals(filter.withRange(yesterday.minusDays(7), yesterday.minusDays(1)));
                BigDecimal drop = AlertRules.ctrDrop(day, week);
                if (AlertRules.ctrDropped(drop, rule.getThreshold())) {
                    BigDecimal now = day.value(Kpi.CTR, MetricTotals.NO_CURRENCY);
                    BigDecimal before = week.value(Kpi.CTR, MetricTotals.NO_CURRENCY);
                    findings.add(new AlertFinding(rule, rule.getKind(), client, id, null, "CTR_DROP:" + id,
                            "alerts.message.CTR_DROP", l -> new Object[]{name, KpiFormat.percent(now, l),
                            KpiFormat.percent(before, l), KpiFormat.percent(drop, l)}));
                }
            }));
            if (yesterday.isAfter(campaign.getEndDate())) {
                continue;
            }
            enabled(all, AlertKind.ZERO_IMPRESSIONS, client, id).ifPresent(rule -> guard(failed, rule.getKind(), () -> {
                for (PlanLineItem line : scope.lines()) {
                    LocalDate from = line.getStartDate() == null ? campaign.getStartDate() : line.getStartDate();
                    LocalDate to = line.getEndDate() == null ? campaign.getEndDate() : line.getEndDate();
                    if (line.getSyncedCampaignId() == null || yesterday.isBefore(from) || yesterday.isAfter(to)) {
                        continue;
                    }
                    CampaignRef ref = new CampaignRef(line.getSyncedConnectionId(), line.getSyncedAccountId(),
                            line.getSyncedCampaignId());
                    MetricTotals day = metrics.totals(new MetricsFilter(yesterday, yesterday, Set.of(client),
                            Set.of(ref), null, null, null, null));
                    if (AlertRules.noImpressions(day)) {
                        String label = line.getPlacement() == null || line.getPlacement().isBlank()
                                ? line.getSyncedCampaignId() : line.getPlacement();
                        findings.add(new AlertFinding(rule, rule.getKind(), client, id, line.getSyncedConnectionId(),
                                "ZERO_IMPRESSIONS:" + line.getId(), "alerts.message.ZERO_IMPRESSIONS",
                                l -> new Object[]{name, label, Formats.date(yesterday, l)}));
                    }
                }
            }));
        }
    }

    /** Runs one check; if it throws, its kind is marked failed (its alerts stay as they were) and the rest goes on. */
    private static void guard(Set<AlertKind> failed, AlertKind kind, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            log.warn("{} check failed", kind, e);
            failed.add(kind);
        }
    }

    private BigDecimal cpaObjective(UUID clientId, UUID campaignId) {
        return objectives.findByClientIdOrderByDeadlineAscTitleAsc(clientId).stream()
                .filter(o -> campaignId.equals(o.getCampaignId()) && o.getMetric() == Kpi.CPA
                        && o.getTargetValue() != null)
                .map(Objective::getTargetValue).findFirst().orElse(null);
    }

    private void connectionFindings(AlertKind kind, List<AlertRule> all, Instant now, ZoneId zone,
                                    List<AlertFinding> findings) {
        if (all.stream().noneMatch(r -> r.getKind() == kind && r.isEnabled())) {
            return;
        }
        if (kind == AlertKind.CONNECTION_FAILING) {
            jdbc.query("select c.id, c.client_id, c.name, cl.name, r.message, r.message_en from connections c"
                    + " join clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id"
                    + " join lateral (select status, message, message_en from sync_runs r"
                    + "   where r.tenant_id = c.tenant_id and r.connection_id = c.id and r.status in ('SUCCEEDED', 'FAILED')"
                    + "   order by r.ended_at desc nulls last, r.queued_at desc limit 1) r on true"
                    + " where c.status = 'ACTIVE' and r.status = 'FAILED'", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                UUID client = rs.getObject(2, UUID.class);
                String name = rs.getString(3);
                String clientName = rs.getString(4);
                String fr = rs.getString(5) == null ? "" : rs.getString(5);
                String en = rs.getString(6) == null ? fr : rs.getString(6);
                enabled(all, kind, client, null).ifPresent(rule -> findings.add(new AlertFinding(rule, kind, client,
                        null, id, "CONNECTION_FAILING:" + id, "alerts.message.CONNECTION_FAILING",
                        l -> new Object[]{name, clientName, "en".equals(l.getLanguage()) ? en : fr})));
            });
        } else {
            jdbc.query("select c.id, c.client_id, c.name, cl.name, c.credentials_expire_at from connections c"
                    + " join clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id"
                    + " where c.status = 'ACTIVE' and c.credentials_expire_at is not null", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                UUID client = rs.getObject(2, UUID.class);
                String name = rs.getString(3);
                String clientName = rs.getString(4);
                Instant expires = rs.getTimestamp(5).toInstant();
                enabled(all, kind, client, null).ifPresent(rule -> {
                    long days = rule.getThreshold() == null ? 7 : rule.getThreshold().longValue();
                    if (expires.isBefore(now.plus(Duration.ofDays(days)))) {
                        findings.add(new AlertFinding(rule, kind, client, null, id, "TOKEN_EXPIRING:" + id,
                                expires.isAfter(now) ? "alerts.message.TOKEN_EXPIRING" : "alerts.message.TOKEN_EXPIRED",
                                l -> new Object[]{name, clientName, Formats.date(expires, zone, l)}));
                    }
                });
            });
        }
    }

    /** Runs work as the tenant's alert job (see the class comment); the caller's security context comes back after. */
    static <T> T asJob(Tenant tenant, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        CampagneUser job = new CampagneUser(JOB_USER, "alerts@campagne.invalid", null, "Campagne", "fr", false, true,
                false, new CampagneUser.TenantSelection(tenant.getId(), tenant.getName(), Role.MANAGER, null));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(job, null, job.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
