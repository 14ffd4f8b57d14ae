package com.campagne.reports;

import com.campagne.analytics.CampaignScope;
import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.MetricsQuery;
import com.campagne.analytics.ObjectiveProgressService;
import com.campagne.analytics.PlanVsActual;
import com.campagne.analytics.PlanVsActualService;
import com.campagne.analytics.charts.Charts;
import com.campagne.base.documents.FileDownload;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.Formats;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * White-label client reports: their content computed with the analytics core (KPIs with the previous
 * period, objectives, charts, plan vs actual, breakdowns), written as PDF and XLSX, archived per client and
 * e-mailed. Visibility is the client's ({@link ClientService#find}): another organisation's client, or a
 * client not granted to a client viewer, is not found; client viewers read the archive and change nothing.
 */
@Service
public class ReportService {

    public static final String PDF_TYPE = "application/pdf";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The KPIs a report shows, in this order, when they have data. */
    static final List<Kpi> KPIS = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CTR, Kpi.CPC, Kpi.CONVERSIONS,
            Kpi.CPA, Kpi.CONVERSION_VALUE, Kpi.ROAS, Kpi.ROI, Kpi.SESSIONS, Kpi.BOUNCE_RATE, Kpi.EMAIL_DELIVERY_RATE,
            Kpi.EMAIL_OPEN_RATE, Kpi.EMAIL_CLICK_RATE);

    /** What a user asks for: a client, optionally one of its campaigns, a period and a commentary. */
    public record Request(UUID clientId, UUID campaignId, ReportKind kind, LocalDate from, LocalDate to,
                          String commentary, Locale locale) {
    }


    /** Unknown here: absent, another tenant's, or not granted. */
    public static class ReportNotFoundException extends RuntimeException {
        public ReportNotFoundException() {
            super("report not found");
        }
    }

    private final ReportRepository reports;
    private final ClientService clients;
    private final CampaignService campaigns;
    private final CampaignScope scopes;
    private final MetricsQuery metrics;
    private final ObjectiveProgressService objectives;
    private final PlanVsActualService planVsActual;
    private final SyncedCampaignLookup syncedCampaigns;
    private final TenantSettingsService settings;
    private final MailService mail;
    private final I18n i18n;
    private final Clock clock;

    ReportService(ReportRepository reports, ClientService clients, CampaignService campaigns, CampaignScope scopes,
                  MetricsQuery metrics, ObjectiveProgressService objectives, PlanVsActualService planVsActual,
                  SyncedCampaignLookup syncedCampaigns, TenantSettingsService settings, MailService mail, I18n i18n,
                  Clock clock) {
        this.reports = reports;
        this.clients = clients;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.metrics = metrics;
        this.objectives = objectives;
        this.planVsActual = planVsActual;
        this.syncedCampaigns = syncedCampaigns;
        this.settings = settings;
        this.mail = mail;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** The archive of a visible client, newest first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<ReportSummary> archive(UUID clientId) {
        if (clients.find(clientId).isEmpty()) {
            return List.of();
        }
        return reports.summaries(clientId);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public FileDownload pdf(UUID reportId) {
        Report report = visible(reportId);
        return new FileDownload(fileStem(report) + ".pdf", PDF_TYPE, report.getPdf());
    }

    @Transactional(readOnly = true)
    @PermitAll
    public FileDownload xlsx(UUID reportId) {
        Report report = visible(reportId);
        return new FileDownload(fileStem(report) + ".xlsx", XLSX_TYPE, report.getXlsx());
    }

    /** The PDF of a report not archived (a preview before generating). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public FileDownload preview(Request request) {
        ReportContent content = content(request);
        return new FileDownload(content.title() + ".pdf", PDF_TYPE, ReportPdf.render(content));
    }

    /** Builds the report, archives it and, when there are recipients, e-mails its PDF to them. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Report generate(Request request, List<String> recipients) {
        List<String> to = recipients == null ? List.of() : recipients;
        for (String address : to) {
            if (!MailService.accepts(address)) {
                throw new IllegalArgumentException(address);
            }
        }
        String by = CurrentUser.get().map(u -> u.displayName() == null || u.displayName().isBlank()
                ? u.email() : u.displayName()).orElse(null);
        Report report = reports.save(archived(request, null, by));
        if (!to.isEmpty()) {
            send(report, to);
        }
        return report;
    }

    /**
     * The archived report of a schedule for a period, made now if it does not exist yet (so a retried run
     * never archives it twice). Used by the scheduled job, acting for the tenant.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Report archivedFor(ReportSchedule schedule, LocalDate from, LocalDate to) {
        return reports.findByScheduleIdAndPeriodFromAndPeriodTo(schedule.getId(), from, to).orElseGet(() ->
                reports.save(archived(new Request(schedule.getClientId(), schedule.getCampaignId(), schedule.getKind(),
                        from, to, schedule.getCommentary(), I18n.parse(schedule.getLanguage())), schedule.getId(), null)));
    }

    /** E-mails an archived report's PDF to the addresses, in the report's language, and records it. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void send(UUID reportId, List<String> recipients) {
        send(reports.findById(reportId).filter(r -> clients.find(r.getClientId()).isPresent())
                .orElseThrow(ReportNotFoundException::new), recipients);
    }

    private void send(Report report, List<String> recipients) {
        ReportContent.Texts t = new ReportContent.Texts(i18n, I18n.parse(report.getLanguage()));
        Tenant tenant = settings.current();
        String client = clients.find(report.getClientId()).map(Client::getName).orElse("");
        String period = period(report.getPeriodFrom(), report.getPeriodTo(), t.locale());
        String subject = t.get("reports.mail.subject", report.getTitle(), tenant.getName());
        String text = t.get("reports.mail.body", client, period, tenant.getName())
                + (report.getCommentary() == null || report.getCommentary().isBlank() ? ""
                : "\n\n" + report.getCommentary().strip());
        FileDownload pdf = new FileDownload(fileStem(report) + ".pdf", PDF_TYPE, report.getPdf());
        for (String address : recipients) {
            mail.send(new MailService.Mail(address, subject, text), List.of(pdf));
        }
        report.sent(String.join(", ", recipients), clock.instant());
    }

    private Report archived(Request request, UUID scheduleId, String generatedBy) {
        ReportContent content = content(request);
        byte[] pdf = ReportPdf.render(content);
        byte[] xlsx = ReportXlsx.render(content);
        return new Report(request.clientId(), request.campaignId(), scheduleId, request.kind(), content.from(),
                content.to(), content.title(), content.locale().getLanguage(), blankToNull(request.commentary()),
                clock.instant(), generatedBy, pdf, xlsx);
    }

    /** The content of a report: every figure it shows, computed once for both documents. */
    ReportContent content(Request request) {
        Client client = clients.find(request.clientId()).orElseThrow(ReportNotFoundException::new);
        Campaign campaign = request.campaignId() == null ? null : campaigns.find(request.campaignId())
                .filter(c -> c.getClientId().equals(client.getId())).orElseThrow(ReportNotFoundException::new);
        Tenant tenant = settings.current();
        Locale locale = I18n.supported(request.locale() == null ? Locale.FRENCH : request.locale());
        ReportContent.Texts t = new ReportContent.Texts(i18n, locale);
        LocalDate from = request.from();
        LocalDate to = request.to();
        if (request.kind() == ReportKind.END_OF_CAMPAIGN && campaign != null) {
            // The bilan covers the campaign's whole period, whatever was asked.
            from = campaign.getStartDate();
            to = campaign.getEndDate();
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("reports.error.period");
        }
        String currency = campaign != null && campaign.getCurrency() != null ? campaign.getCurrency().strip()
                : tenant.getCurrency().strip();

        // A campaign is the network campaigns its plan lines are linked to; with none linked it has no figures.
        MetricsFilter filter = new MetricsFilter(from, to, Set.of(client.getId()), null, null, null, null, null);
        boolean measurable = true;
        PlanVsActual pva = null;
        if (campaign != null) {
            CampaignScope.Scope scope = scopes.of(campaign.getId()).orElseThrow(ReportNotFoundException::new);
            measurable = !scope.refs().isEmpty();
            filter = filter.withCampaigns(scope.refs());
            // A bilan made before the campaign ends compares with the plan up to the last complete day, and
            // forecasts the rest at the pace so far, instead of taking what is spent as the final figure.
            LocalDate asOf = request.kind() != ReportKind.END_OF_CAMPAIGN ? to
                    : campaign.getEndDate() == null || campaign.getEndDate().isBefore(planVsActual.lastCompleteDay())
                    ? campaign.getEndDate() : planVsActual.lastCompleteDay();
            if (campaign.getStartDate() != null && campaign.getEndDate() != null) {
                pva = planVsActual.of(campaign.getId(), asOf).filter(p -> p.plannedTotal().signum() > 0
                        || !p.actualDaily().isEmpty()).orElse(null);
            }
        }
        MetricsFilter previous = filter.previousPeriod();
        MetricTotals totals = measurable ? metrics.totals(filter) : MetricTotals.EMPTY;
        MetricTotals before = measurable ? metrics.totals(previous) : MetricTotals.EMPTY;
        String money = totals.mainCurrency(currency);
        List<ReportContent.KpiRow> kpis = new ArrayList<>();
        if (!totals.isEmpty()) {
            for (Kpi kpi : KPIS) {
                BigDecimal value = totals.value(kpi, money);
                if (value != null) {
                    kpis.add(new ReportContent.KpiRow(kpi, value, before.isEmpty() ? null : before.value(kpi, money)));
                }
            }
        }
        TreeMap<LocalDate, MetricTotals> daily = measurable ? metrics.daily(filter) : new TreeMap<>();
        Map<String, MetricTotals> byChannel = measurable ? metrics.by(filter, Dimension.CHANNEL) : Map.of();
        Map<String, MetricTotals> byCampaign = new LinkedHashMap<>();
        if (measurable) {
            Map<String, String> names = new LinkedHashMap<>();
            syncedCampaigns.forClient(client.getId(), locale).forEach(s -> names.put(
                    s.connectionId() + "|" + s.accountId() + "|" + s.campaignId(), s.name()));
            metrics.by(filter, Dimension.CAMPAIGN).entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> cost(b, money).compareTo(cost(a, money))))
                    .forEach(e -> byCampaign.merge(names.getOrDefault(e.getKey(),
                            e.getKey().substring(e.getKey().lastIndexOf('|') + 1)), e.getValue(), MetricTotals::plus));
        }
        var progress = objectives.progress(client.getId(), campaign == null ? null : campaign.getId());

        byte[] dailyChart = null;
        byte[] channelChart = null;
        if (!daily.isEmpty()) {
            Map<LocalDate, BigDecimal> cost = new TreeMap<>();
            Map<LocalDate, BigDecimal> clicks = new TreeMap<>();
            daily.forEach((day, m) -> {
                cost.put(day, m.value(Kpi.COST, money));
                clicks.put(day, m.value(Kpi.CLICKS, money));
            });
            // Cost against the left axis, clicks against their own on the right: two units, two scales.
            String costName = t.get("reports.chart.cost", money);
            String clicksName = t.get("kpi.CLICKS");
            List<Charts.Series> left = cost.values().stream().anyMatch(v -> v != null)
                    ? List.of(new Charts.Series(costName, cost, false)) : List.of();
            List<Charts.Series> right = clicks.values().stream().anyMatch(v -> v != null)
                    ? List.of(new Charts.Series(clicksName, clicks, false)) : List.of();
            if (left.isEmpty() && !right.isEmpty()) {
                dailyChart = Charts.png(Charts.timeSeries(right, clicksName, List.of(), null, locale), 760, 260);
            } else if (!left.isEmpty()) {
                dailyChart = Charts.png(Charts.timeSeries(left, costName, right, clicksName, locale), 760, 260);
            }
        }
        Map<String, BigDecimal> costByChannel = new LinkedHashMap<>();
        byChannel.forEach((channel, m) -> {
            BigDecimal c = m.value(Kpi.COST, money);
            if (c != null && c.signum() > 0) {
                costByChannel.put(channelLabel(channel, t), c);
            }
        });
        if (!costByChannel.isEmpty()) {
            channelChart = Charts.png(Charts.bars(Map.of(t.get("reports.chart.cost", money), costByChannel), locale),
                    760, Math.max(140, 40 + 34 * costByChannel.size()));
        }

        String subject = campaign == null ? client.getName() : client.getName() + " — " + campaign.getName();
        String title = t.get("reports.title." + request.kind().name(), subject, period(from, to, locale));
        return new ReportContent(request.kind(), title, t, ZoneId.of(tenant.getTimeZone()), tenant.getName(),
                tenant.getLogo(), tenant.getLogoType(), tenant.brandColorOrDefault(), client.getName(),
                campaign == null ? null : campaign.getName(), from, to, previous.from(), previous.to(), money, kpis,
                progress, daily, byChannel, byCampaign, pva, dailyChart, channelChart, blankToNull(request.commentary()),
                clock.instant());
    }

    private Report visible(UUID reportId) {
        return reports.findById(reportId).filter(r -> clients.find(r.getClientId()).isPresent())
                .orElseThrow(ReportNotFoundException::new);
    }

    static String channelLabel(String channel, ReportContent.Texts t) {
        return channel == null || channel.isBlank() ? t.get("reports.channel.unknown")
                : t.get("reports.channel." + channel.strip());
    }

    static String period(LocalDate from, LocalDate to, Locale locale) {
        return Formats.date(from, locale) + " – " + Formats.date(to, locale);
    }

    private static BigDecimal cost(MetricTotals totals, String currency) {
        BigDecimal c = totals.value(Kpi.COST, currency);
        return c == null ? BigDecimal.ZERO : c;
    }

    private static String fileStem(Report report) {
        return report.getTitle().replaceAll("[\\\\/:*?\"<>|]+", "-").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The client of an archived report, for the UI's links (empty when not visible). */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<UUID> clientOf(UUID reportId) {
        return reports.findById(reportId).map(Report::getClientId).filter(id -> clients.find(id).isPresent());
    }
}
