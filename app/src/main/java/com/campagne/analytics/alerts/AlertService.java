package com.campagne.analytics.alerts;

import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alerts of the current tenant for its staff: the open ones (the bell), the handled ones, acknowledging and
 * snoozing; and the rules, which owners, admins and managers edit. Client viewers see no alert: they are the
 * agency's own work list.
 */
@Service
public class AlertService {

    /** How long "Reporter" may put an alert off, in days. */
    public static final List<Integer> SNOOZE_DAYS = List.of(1, 7);

    private final AlertRuleRepository rules;
    private final AlertEventRepository events;
    private final ClientService clients;
    private final CampaignService campaigns;
    private final Clock clock;

    AlertService(AlertRuleRepository rules, AlertEventRepository events, ClientService clients,
                 CampaignService campaigns, Clock clock) {
        this.rules = rules;
        this.events = events;
        this.clients = clients;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** An alert with the names of what it is about (null when not about a client or campaign). */
    public record AlertView(AlertEvent event, String clientName, String campaignName) {
    }

    /** How many alerts ask for attention now (the bell's count). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public long openCount() {
        return events.countOpen(clock.instant());
    }

    /** The open alerts, newest first; or, with {@code handled}, the acknowledged, snoozed and resolved ones. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<AlertView> list(boolean handled) {
        Instant now = clock.instant();
        List<AlertEvent> found = handled ? events.findHandled(now) : events.findOpen(now);
        Map<UUID, String> clientNames = new LinkedHashMap<>();
        Map<UUID, String> campaignNames = new LinkedHashMap<>();
        return found.stream().map(e -> new AlertView(e,
                e.getClientId() == null ? null : clientNames.computeIfAbsent(e.getClientId(),
                        id -> clients.find(id).map(Client::getName).orElse(null)),
                e.getCampaignId() == null ? null : campaignNames.computeIfAbsent(e.getCampaignId(),
                        id -> campaigns.find(id).map(Campaign::getName).orElse(null)))).toList();
    }

    /** Marks an alert seen by the current member; it leaves the bell but stays active until its condition clears. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public AlertEvent acknowledge(UUID eventId) {
        AlertEvent event = events.findById(eventId).orElseThrow(AlertNotFoundException::new);
        CampagneUser user = CurrentUser.require();
        event.acknowledge(user.tenant().membershipId(), clock.instant());
        return event;
    }

    /** Puts an alert off for 1 or 7 days; it comes back to the bell then if its condition still holds. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public AlertEvent snooze(UUID eventId, int days) {
        if (!SNOOZE_DAYS.contains(days)) {
            throw new IllegalArgumentException("snooze for 1 or 7 days");
        }
        AlertEvent event = events.findById(eventId).orElseThrow(AlertNotFoundException::new);
        event.snooze(clock.instant().plus(Duration.ofDays(days)));
        return event;
    }

    /** The tenant's rules, the defaults created on the first visit. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public List<AlertRule> rules() {
        return AlertDefaults.ensure(rules, CurrentUser.require().tenant().membershipId(), clock.instant());
    }

    /** A new rule of a kind, for the whole tenant, a client or one campaign of it. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public AlertRule add(AlertKind kind, UUID clientId, UUID campaignId, BigDecimal threshold) {
        AlertRule rule = new AlertRule(kind, CurrentUser.require().tenant().membershipId(), clock.instant());
        scope(rule, clientId, campaignId);
        rule.setThreshold(checked(kind, threshold));
        return rules.save(rule);
    }

    /** Changes a rule's threshold, whether it is on and whether it mails. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public AlertRule update(UUID ruleId, BigDecimal threshold, boolean enabled, boolean notifyByEmail) {
        AlertRule rule = rules.findById(ruleId).orElseThrow(AlertNotFoundException::new);
        rule.setThreshold(checked(rule.getKind(), threshold));
        rule.setEnabled(enabled);
        rule.setNotifyByEmail(notifyByEmail);
        rule.touch(clock.instant());
        return rule;
    }

    /** The campaigns of a client the user may see, for the rule's scope. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public List<Campaign> campaignsOf(UUID clientId) {
        return clients.find(clientId).map(c -> campaigns.list(c.getId())).orElse(List.of());
    }

    private void scope(AlertRule rule, UUID clientId, UUID campaignId) {
        if (campaignId != null) {
            Campaign campaign = campaigns.find(campaignId).orElseThrow(AlertNotFoundException::new);
            if (clientId != null && !clientId.equals(campaign.getClientId())) {
                throw new AlertRuleException("campaign", "alerts.rules.error.campaign");
            }
            rule.setClientId(campaign.getClientId());
            rule.setCampaignId(campaignId);
        } else if (clientId != null) {
            rule.setClientId(clients.find(clientId).map(Client::getId).orElseThrow(AlertNotFoundException::new));
        }
        if (!rule.getKind().campaignLevel() && rule.getCampaignId() != null) {
            throw new AlertRuleException("campaign", "alerts.rules.error.campaignScope");
        }
    }

    private static BigDecimal checked(AlertKind kind, BigDecimal threshold) {
        switch (kind.thresholdUnit()) {
            case NONE -> {
                return null;
            }
            case MONEY -> {
                // No amount: the campaign's CPA objective is the target.
                if (threshold != null && threshold.signum() <= 0) {
                    throw new AlertRuleException("threshold", "alerts.rules.error.positive");
                }
                return threshold;
            }
            default -> {
                if (threshold == null) {
                    throw new AlertRuleException("threshold", "alerts.rules.error.required");
                }
                if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                    throw new AlertRuleException("threshold", "alerts.rules.error.positive");
                }
                return threshold;
            }
        }
    }

    /** Unknown here: absent or another tenant's, which must look the same. */
    public static class AlertNotFoundException extends RuntimeException {
        public AlertNotFoundException() {
            super("alert not found");
        }
    }

    /** A rule refused: which field, and the message key saying why. */
    public static class AlertRuleException extends RuntimeException {
        private final String field;
        private final String messageKey;

        public AlertRuleException(String field, String messageKey) {
            super(messageKey);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() { return field; }
        public String messageKey() { return messageKey; }
    }
}
