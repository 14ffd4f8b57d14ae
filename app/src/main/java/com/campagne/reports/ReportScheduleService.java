package com.campagne.reports;

import com.campagne.base.mail.MailService;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The report schedules of a client: staff list, create, change and delete them; client viewers see none. */
@Service
public class ReportScheduleService {

    /** What is wrong with a schedule, by field (message keys). */
    public static class ScheduleException extends RuntimeException {
        private final Map<String, String> errors;

        public ScheduleException(Map<String, String> errors) {
            super("invalid report schedule: " + errors);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private final ReportScheduleRepository schedules;
    private final ClientService clients;
    private final CampaignService campaigns;
    private final TenantSettingsService settings;
    private final Clock clock;

    ReportScheduleService(ReportScheduleRepository schedules, ClientService clients, CampaignService campaigns,
                          TenantSettingsService settings, Clock clock) {
        this.schedules = schedules;
        this.clients = clients;
        this.campaigns = campaigns;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<ReportSchedule> list(UUID clientId) {
        return clients.find(clientId).isEmpty() ? List.of() : schedules.findByClientIdOrderByCreatedAtAsc(clientId);
    }

    /** A new weekly schedule in the organisation's language, to the client's contact e-mail. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public ReportSchedule draft(UUID clientId) {
        var client = clients.find(clientId).orElseThrow(ReportService.ReportNotFoundException::new);
        String by = CurrentUser.get().map(u -> u.displayName()).orElse(null);
        ReportSchedule schedule = new ReportSchedule(clientId, clock.instant(), by);
        schedule.setKind(ReportKind.WEEKLY);
        Locale language = com.campagne.base.i18n.I18n.parse(settings.current().getLocale());
        schedule.setLanguage(language == null ? "fr" : language.getLanguage());
        schedule.setRecipients(client.getContactEmail() == null ? "" : client.getContactEmail());
        return schedule;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public ReportSchedule save(ReportSchedule schedule) {
        if (clients.find(schedule.getClientId()).isEmpty()) {
            throw new ReportService.ReportNotFoundException();
        }
        if (schedule.getVersion() != null && schedules.findById(schedule.getId()).isEmpty()) {
            throw new ReportService.ReportNotFoundException();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Campaign campaign = null;
        if (schedule.getKind() == null || schedule.getKind() == ReportKind.ON_DEMAND) {
            errors.put("kind", "reports.error.kind");
        }
        if (schedule.getCampaignId() != null) {
            campaign = campaigns.find(schedule.getCampaignId())
                    .filter(c -> c.getClientId().equals(schedule.getClientId())).orElse(null);
            if (campaign == null) {
                errors.put("campaign", "reports.error.campaign");
            }
        }
        if (schedule.getKind() == ReportKind.END_OF_CAMPAIGN && campaign == null) {
            errors.putIfAbsent("campaign", "reports.error.campaign.required");
        } else if (schedule.getKind() == ReportKind.END_OF_CAMPAIGN && campaign.getEndDate() == null) {
            errors.put("campaign", "reports.error.campaign.noEnd");
        }
        List<String> recipients = schedule.recipientList();
        if (recipients.isEmpty()) {
            errors.put("recipients", "reports.error.recipients.required");
        } else if (recipients.stream().anyMatch(a -> !MailService.accepts(a))) {
            errors.put("recipients", "reports.error.recipients.invalid");
        }
        if (schedule.getCommentary() != null && schedule.getCommentary().length() > 8000) {
            errors.put("commentary", "reports.error.commentary.tooLong");
        }
        if (!"fr".equals(schedule.getLanguage()) && !"en".equals(schedule.getLanguage())) {
            errors.put("language", "reports.error.language");
        }
        if (!errors.isEmpty()) {
            throw new ScheduleException(errors);
        }
        schedule.setRecipients(String.join("\n", recipients));
        ZoneId zone = settings.currentZone();
        schedule.setNextRunAt(schedule.isEnabled() ? ReportCalendar.nextRun(schedule.getKind(), clock.instant(), zone,
                campaign == null ? null : campaign.getEndDate()) : null);
        schedule.setLastError(null);
        return schedules.save(schedule);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public void delete(UUID scheduleId) {
        ReportSchedule schedule = schedules.findById(scheduleId)
                .filter(s -> clients.find(s.getClientId()).isPresent())
                .orElseThrow(ReportService.ReportNotFoundException::new);
        schedules.delete(schedule);
    }

    /** A schedule of a visible client, for the editor. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<ReportSchedule> find(UUID scheduleId) {
        if (CurrentUser.hasRole(Role.CLIENT_VIEWER)) {
            return Optional.empty();
        }
        return schedules.findById(scheduleId).filter(s -> clients.find(s.getClientId()).isPresent());
    }
}
