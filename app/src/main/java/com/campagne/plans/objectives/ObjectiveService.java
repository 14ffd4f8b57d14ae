package com.campagne.plans.objectives;

import com.campagne.analytics.Kpi;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.clients.ClientService.ClientNotFoundException;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMART objectives of the tenant's clients, arranged in a balanced scorecard. Staff write them; a
 * client viewer reads those of the clients granted to them (not those of a campaign still in draft).
 * Every rule of SMART is checked on save and every broken one reported at once.
 */
@Service
public class ObjectiveService {

    static final int TITLE_MAX = 300;
    static final int NOTES_MAX = 2000;
    static final int DECIMALS = 4;
    static final BigDecimal VALUE_MAX = new BigDecimal("99999999999999.9999");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ObjectiveRepository objectives;
    private final ClientService clients;
    private final CampaignService campaigns;
    private final TenantSettingsService tenantSettings;
    private final Clock clock;

    ObjectiveService(ObjectiveRepository objectives, ClientService clients, CampaignService campaigns,
                     TenantSettingsService tenantSettings, Clock clock) {
        this.objectives = objectives;
        this.clients = clients;
        this.campaigns = campaigns;
        this.tenantSettings = tenantSettings;
        this.clock = clock;
    }

    /**
     * The client's objectives (all of them when {@code campaignId} is null, else that campaign's), by
     * deadline; an unknown or not granted client looks absent.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Objective> list(UUID clientId, UUID campaignId) {
        clients.find(clientId).orElseThrow(ClientNotFoundException::new);
        return objectives.findByClientIdOrderByDeadlineAscTitleAsc(clientId).stream()
                .filter(o -> campaignId == null || campaignId.equals(o.getCampaignId()))
                .filter(this::campaignVisible)
                .toList();
    }

    /** The objective if its client (and campaign, if any) is visible to the user. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Objective> find(UUID id) {
        return id == null ? Optional.empty() : objectives.findById(id)
                .filter(o -> clients.find(o.getClientId()).isPresent())
                .filter(this::campaignVisible);
    }

    private boolean campaignVisible(Objective o) {
        return o.getCampaignId() == null || campaigns.find(o.getCampaignId()).isPresent();
    }

    /** A new, unsaved objective of the client, owned by the current member. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Objective draft(UUID clientId) {
        Client client = clients.find(clientId).orElseThrow(ClientNotFoundException::new);
        Objective objective = new Objective(client.getId());
        objective.setOwnerId(CurrentUser.require().tenant().membershipId());
        return objective;
    }

    /** The members who can own an objective: the tenant's staff. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Membership> possibleOwners() {
        return campaigns.possibleOwners();
    }

    /** Creates or updates; every broken SMART rule is reported at once, under its field. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Objective save(Objective objective) {
        clients.find(objective.getClientId()).orElseThrow(ClientNotFoundException::new);
        boolean created = objective.getVersion() == null;
        if (!created) {
            objectives.findById(objective.getId()).filter(o -> o.getClientId().equals(objective.getClientId()))
                    .orElseThrow(ObjectiveNotFoundException::new);
        }
        objective.setTitle(strip(objective.getTitle()));
        objective.setNotes(strip(objective.getNotes()));
        validate(objective, created);
        objective.created(clock.instant());
        return objectives.save(objective);
    }

    private void validate(Objective o, boolean created) {
        Map<String, String> errors = new LinkedHashMap<>();
        // Specific.
        if (o.getTitle() == null) {
            errors.put("title", "objectives.error.title.required");
        } else if (o.getTitle().length() > TITLE_MAX) {
            errors.put("title", "objectives.error.title.size");
        }
        // Relevant: in a perspective, and about this client.
        if (o.getPerspective() == null) {
            errors.put("perspective", "objectives.error.perspective.required");
        }
        if (o.getCampaignId() != null && campaigns.find(o.getCampaignId())
                .map(Campaign::getClientId).filter(o.getClientId()::equals).isEmpty()) {
            errors.put("campaign", "objectives.error.campaign.otherClient");
        }
        // Measurable.
        Kpi kpi = o.getMetric();
        if (kpi == null) {
            errors.put("metric", "objectives.error.metric.required");
        }
        String targetError = o.getTargetValue() == null ? "objectives.error.target.required"
                : valueError(kpi, o.getTargetValue());
        if (targetError != null) {
            errors.put("target", targetError);
        }
        String baselineError = o.getBaseline() == null ? null : valueError(kpi, o.getBaseline());
        if (baselineError != null) {
            errors.put("baseline", baselineError);
        }
        // Achievable: a target that is a real move from where things start, in the direction that counts.
        if (targetError == null && baselineError == null && kpi != null && o.getBaseline() != null) {
            int move = o.getTargetValue().compareTo(o.getBaseline());
            if (move == 0) {
                errors.put("target", "objectives.error.target.sameAsBaseline");
            } else if (kpi.higherIsBetter() && move < 0) {
                errors.put("target", "objectives.error.target.higher");
            } else if (!kpi.higherIsBetter() && move > 0) {
                errors.put("target", "objectives.error.target.lower");
            }
        }
        // Time-bound.
        if (o.getDeadline() == null) {
            errors.put("deadline", "objectives.error.deadline.required");
        } else if (created && o.getDeadline().isBefore(LocalDate.now(clock.withZone(tenantSettings.currentZone())))) {
            errors.put("deadline", "objectives.error.deadline.past");
        }
        if (o.getOwnerId() != null && possibleOwners().stream().noneMatch(m -> m.getId().equals(o.getOwnerId()))) {
            errors.put("owner", "objectives.error.owner.unknown");
        }
        if (o.getNotes() != null && o.getNotes().length() > NOTES_MAX) {
            errors.put("notes", "objectives.error.notes.size");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
    }

    /** What is wrong with a value of the KPI, or null: percentages 0–100, no negative amount or count. */
    private static String valueError(Kpi kpi, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > DECIMALS || value.abs().compareTo(VALUE_MAX) > 0) {
            return "objectives.error.value.invalid";
        }
        if (kpi == null) {
            return null;
        }
        if (kpi.boundedPercent() && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            return "objectives.error.value.percent";
        }
        if (kpi.unit() == Kpi.Unit.MONEY && value.signum() < 0) {
            return "objectives.error.value.money";
        }
        if ((kpi.unit() == Kpi.Unit.COUNT || kpi.unit() == Kpi.Unit.RATIO) && value.signum() < 0) {
            return "objectives.error.value.negative";
        }
        return null;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void delete(UUID id) {
        objectives.delete(find(id).orElseThrow(ObjectiveNotFoundException::new));
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Unknown here: absent, another tenant's or not granted, which must all look the same. */
    public static class ObjectiveNotFoundException extends RuntimeException {
        public ObjectiveNotFoundException() {
            super("objective not found");
        }
    }
}
