package com.campagne.plans;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.clients.ClientService.ClientNotFoundException;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The campaigns of the tenant's clients. Staff (OWNER, ADMIN, MANAGER, CONTRIBUTOR) prepare them and
 * move them through the workflow; a CLIENT_VIEWER sees only the campaigns of the clients granted to
 * them, and may only approve a proposed campaign or send it back with a comment.
 */
@Service
public class CampaignService {

    static final int NAME_MAX = 200;
    static final int AGE_MIN = 13;
    static final int AGE_MAX = 120;

    private final CampaignRepository campaigns;
    private final CampaignStatusChangeRepository changes;
    private final ClientService clients;
    private final MembershipRepository memberships;
    private final TenantSettingsService tenantSettings;
    private final AuditService audit;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignStatusChangeRepository changes, ClientService clients,
                    MembershipRepository memberships, TenantSettingsService tenantSettings, AuditService audit,
                    Clock clock) {
        this.campaigns = campaigns;
        this.changes = changes;
        this.clients = clients;
        this.memberships = memberships;
        this.tenantSettings = tenantSettings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The client's campaigns, latest first; unknown (or not granted) clients look absent. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Campaign> list(UUID clientId) {
        clients.find(clientId).orElseThrow(ClientNotFoundException::new);
        return campaigns.findByClientIdOrderByStartDateDescNameAsc(clientId).stream()
                .filter(CampaignService::shownToUser).toList();
    }

    /** The campaign if it exists in the current tenant and its client is visible to the user. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Campaign> find(UUID id) {
        return campaigns.findById(id).filter(c -> clients.find(c.getClientId()).isPresent())
                .filter(CampaignService::shownToUser);
    }

    /** The client sees a campaign once it is proposed: a draft is the agency's work in progress. */
    private static boolean shownToUser(Campaign campaign) {
        return campaign.getStatus() != CampaignStatus.DRAFT || !CurrentUser.require().hasRole(Role.CLIENT_VIEWER);
    }

    /** A new, unsaved draft for the client, in the tenant's currency, owned by the current member. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Campaign draft(UUID clientId) {
        Client client = clients.find(clientId).orElseThrow(ClientNotFoundException::new);
        Campaign campaign = new Campaign(client.getId());
        campaign.setCurrency(tenantSettings.current().getCurrency());
        campaign.setOwnerId(CurrentUser.require().tenant().membershipId());
        return campaign;
    }

    /** The members who can own a campaign: the tenant's staff, not its client viewers. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Membership> possibleOwners() {
        return memberships.findAllWithUsers().stream().filter(m -> m.getRole() != Role.CLIENT_VIEWER).toList();
    }

    /** Creates or updates; every invalid field is reported at once. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Campaign save(Campaign campaign) {
        clients.find(campaign.getClientId()).orElseThrow(ClientNotFoundException::new);
        boolean created = campaign.getVersion() == null;
        if (!created) {
            Campaign stored = campaigns.findById(campaign.getId()).orElseThrow(CampaignNotFoundException::new);
            if (!stored.getClientId().equals(campaign.getClientId())) {
                throw new CampaignNotFoundException();
            }
            if (stored.getStatus() == CampaignStatus.ENDED) {
                throw CampaignException.of("campaigns.error.ended");
            }
            // The workflow alone moves the status; a form never does.
            campaign.setStatus(stored.getStatus());
        } else {
            campaign.setStatus(CampaignStatus.DRAFT);
        }
        if (campaign.getCurrency() == null) {
            campaign.setCurrency(tenantSettings.current().getCurrency());
        }
        validate(campaign);
        campaign.touch(clock.instant());
        Campaign saved = campaigns.save(campaign);
        if (created) {
            changes.save(new CampaignStatusChange(saved.getId(), null, CampaignStatus.DRAFT,
                    CurrentUser.require().userId(), who(), clock.instant(), null));
        }
        audit.record(created ? AuditAction.CAMPAIGN_CREATED : AuditAction.CAMPAIGN_UPDATED, saved.getName(), null);
        return saved;
    }

    private void validate(Campaign c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.getName() == null || c.getName().isBlank()) {
            errors.put("name", "campaigns.error.name.required");
        } else if (c.getName().length() > NAME_MAX) {
            errors.put("name", "campaigns.error.name.size");
        }
        if (c.getObjective() == null) {
            errors.put("objective", "campaigns.error.objective.required");
        }
        if (c.getStartDate() == null) {
            errors.put("startDate", "campaigns.error.startDate.required");
        }
        if (c.getEndDate() == null) {
            errors.put("endDate", "campaigns.error.endDate.required");
        } else if (c.getStartDate() != null && c.getEndDate().isBefore(c.getStartDate())) {
            errors.put("endDate", "campaigns.error.endDate.beforeStart");
        }
        if (c.getBudget() != null && c.getBudget().signum() < 0) {
            errors.put("budget", "campaigns.error.budget.negative");
        } else if (c.getBudget() != null && (c.getBudget().scale() > 2
                || c.getBudget().compareTo(new BigDecimal("999999999999.99")) > 0)) {
            errors.put("budget", "campaigns.error.budget.invalid");
        }
        if (c.getAgeMin() != null && (c.getAgeMin() < AGE_MIN || c.getAgeMin() > AGE_MAX)) {
            errors.put("ageMin", "campaigns.error.age.range");
        }
        if (c.getAgeMax() != null && (c.getAgeMax() < AGE_MIN || c.getAgeMax() > AGE_MAX)) {
            errors.put("ageMax", "campaigns.error.age.range");
        } else if (c.getAgeMin() != null && c.getAgeMax() != null && c.getAgeMax() < c.getAgeMin()) {
            errors.put("ageMax", "campaigns.error.age.order");
        }
        if (c.getOwnerId() != null && memberships.findById(c.getOwnerId())
                .filter(m -> m.getRole() != Role.CLIENT_VIEWER).isEmpty()) {
            errors.put("owner", "campaigns.error.owner.unknown");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
    }

    /**
     * Moves the campaign one step along the workflow and records who did it. A client viewer granted
     * the client may approve a proposed campaign or send it back to draft; staff do everything else,
     * and may record an approval on the client's behalf. Sending back to draft needs a comment.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME,
            Role.CLIENT_VIEWER_NAME})
    public Campaign changeStatus(UUID campaignId, CampaignStatus to, String comment) {
        Campaign campaign = find(campaignId).orElseThrow(CampaignNotFoundException::new);
        CampaignStatus from = campaign.getStatus();
        if (!from.canMoveTo(to)) {
            throw CampaignException.of("campaigns.error.transition");
        }
        CampagneUser user = CurrentUser.require();
        if (user.hasRole(Role.CLIENT_VIEWER) && from != CampaignStatus.PROPOSED) {
            throw CampaignException.of("campaigns.error.clientCannot");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (from == CampaignStatus.PROPOSED && to == CampaignStatus.DRAFT && note == null) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("comment", "campaigns.error.comment.required");
            throw new CampaignException(errors);
        }
        if (note != null && note.length() > 2000) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("comment", "campaigns.error.comment.size");
            throw new CampaignException(errors);
        }
        return moveStatus(campaign, to, user.userId(), who(), user.email(), note);
    }

    /**
     * Records a workflow step decided elsewhere (a plan proposed or approved, possibly by a client contact
     * through an e-mailed link, with no session): the caller has checked who may take it.
     */
    Campaign moveStatus(Campaign campaign, CampaignStatus to, UUID byUserId, String byName, String byEmail,
                        String note) {
        CampaignStatus from = campaign.getStatus();
        campaign.setStatus(to);
        campaign.touch(clock.instant());
        changes.save(new CampaignStatusChange(campaign.getId(), from, to, byUserId, byName, clock.instant(), note));
        audit.record(byUserId, byEmail, AuditAction.CAMPAIGN_STATUS_CHANGED, campaign.getName(), from + " → " + to);
        return campaigns.save(campaign);
    }

    /** The campaign's steps, oldest first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<CampaignStatusChange> history(UUID campaignId) {
        find(campaignId).orElseThrow(CampaignNotFoundException::new);
        return changes.findByCampaignIdOrderByChangedAtAsc(campaignId);
    }

    static String who() {
        CampagneUser user = CurrentUser.require();
        return user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName();
    }

    /** Unknown here: absent, another tenant's or not granted, which must all look the same. */
    public static class CampaignNotFoundException extends RuntimeException {
        public CampaignNotFoundException() {
            super("campaign not found");
        }
    }
}
