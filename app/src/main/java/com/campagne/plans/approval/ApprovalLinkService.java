package com.campagne.plans.approval;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.security.Tokens;
import com.campagne.base.ui.Formats;
import com.campagne.clients.Client;
import com.campagne.clients.ClientRepository;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignRepository;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.CampaignStatusChange;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanRepository;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.approval.ApprovalTokens.Claims;
import com.campagne.plans.approval.ApprovalTokens.Refusal;
import com.campagne.plans.approval.ApprovalTokens.Verification;
import com.campagne.plans.money.Money;
import com.campagne.plans.money.PlanTotals;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Approval of a proposed plan version by a client contact who has no account: staff e-mail a signed,
 * expiring, single-use link ({@link ApprovalTokens}); the contact opens a read-only summary of that version
 * and approves it or asks for changes. The anonymous side acts in the link's tenant only, after the
 * signature has been checked, and sees nothing of the tenant beyond that plan. Also lists, for staff and
 * client viewers, the versions waiting for the client's decision.
 */
@Service
public class ApprovalLinkService {

    public static final int DEFAULT_VALIDITY_DAYS = 14;
    public static final int MAX_VALIDITY_DAYS = 30;
    static final int NAME_MAX = 200;

    /** Where a sent link stands, for the agency; labels {@code approval.status.<NAME>}. */
    public enum LinkStatus { PENDING, APPROVED, COMMENTED, EXPIRED, REVOKED }

    /** A link as the agency sees it in the plan editor. */
    public record SentLink(UUID id, String contactName, String contactEmail, String sentBy, Instant sentAt,
                           Instant expiresAt, LinkStatus status, String comment) {
    }

    /** One line of the plan as the client reads it: no rate card, discounts or internal notes. */
    public record SummaryLine(Channel channel, String vendor, String placement, String format, LocalDate start,
                              LocalDate end, Money cost) {
    }

    /** Everything the approval page shows, in the agency's language and time zone. */
    public record PlanSummary(String agencyName, byte[] agencyLogo, String agencyLogoType, String clientName,
                              String campaignName, LocalDate start, LocalDate end, String version, String contactName,
                              Instant expiresAt, List<SummaryLine> lines, Map<String, Money> byChannel,
                              Money mediaCost, Money agencyFee, Money grandTotal, Money budget, Locale locale,
                              ZoneId zone) {
        public boolean hasBudget() {
            return budget != null;
        }
    }

    /**
     * What an approval link opens: the summary, or why it cannot be used. The agency's name and language are
     * known for any link we signed that still exists, so even a refusal can say whom to ask.
     */
    public record Opening(PlanSummary summary, Refusal refusal, String agencyName, Locale locale) {
        public boolean usable() {
            return summary != null;
        }
    }

    /** The contact's decision, recorded. */
    public record Decided(String agencyName, boolean approved, String campaignName, String version) {
    }

    /** A plan version waiting for the client's decision. */
    public record PendingApproval(UUID planId, UUID clientId, String clientName, UUID campaignId, String campaignName,
                                  int versionNumber, String version, Money grandTotal, Instant proposedAt) {
    }

    private final PlanApprovalLinkRepository links;
    private final ProposedPlanRepository proposedPlans;
    private final ApprovalTokens tokens;
    private final MediaPlanService plans;
    private final MediaPlanRepository planRows;
    private final CampaignService campaigns;
    private final CampaignRepository campaignRows;
    private final ClientService clients;
    private final ClientRepository clientRows;
    private final TenantRepository tenants;
    private final AuditService audit;
    private final MailService mail;
    private final I18n i18n;
    private final CampagneProperties properties;
    private final TenantTransactions transactions;
    private final Clock clock;

    ApprovalLinkService(PlanApprovalLinkRepository links, ProposedPlanRepository proposedPlans, ApprovalTokens tokens,
                        MediaPlanService plans, MediaPlanRepository planRows, CampaignService campaigns,
                        CampaignRepository campaignRows, ClientService clients, ClientRepository clientRows,
                        TenantRepository tenants,
                        AuditService audit, MailService mail, I18n i18n, CampagneProperties properties,
                        TenantTransactions transactions, Clock clock) {
        this.links = links;
        this.proposedPlans = proposedPlans;
        this.tokens = tokens;
        this.plans = plans;
        this.planRows = planRows;
        this.campaigns = campaigns;
        this.campaignRows = campaignRows;
        this.clients = clients;
        this.clientRows = clientRows;
        this.tenants = tenants;
        this.audit = audit;
        this.mail = mail;
        this.i18n = i18n;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- Staff side ----

    /** Whether a link can be sent for the version: it is visible and proposed to the client. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public boolean canSend(UUID planId) {
        return plans.find(planId).map(p -> p.getStatus() == PlanStatus.PROPOSED).orElse(false);
    }

    /**
     * E-mails the contact a link to approve the proposed version, valid {@code validityDays} days (1 to 30,
     * 14 when null), in the agency's language. Every invalid field is reported at once (keys under
     * {@code approval.error.*}, the whole-form problem under the null field). If the mail cannot be handed
     * over, nothing is stored.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public SentLink send(UUID planId, String contactName, String contactEmail, Integer validityDays) {
        PlanView view = plans.view(planId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (view.plan().getStatus() != PlanStatus.PROPOSED) {
            errors.put(null, "approval.error.notProposed");
        }
        String name = contactName == null || contactName.isBlank() ? null : contactName.strip();
        if (name != null && name.length() > NAME_MAX) {
            errors.put("contactName", "approval.error.name.size");
        }
        String email = contactEmail == null ? "" : contactEmail.strip();
        if (!MailService.accepts(email)) {
            errors.put("contactEmail", "approval.error.email.invalid");
        }
        int days = validityDays == null ? DEFAULT_VALIDITY_DAYS : validityDays;
        if (days < 1 || days > MAX_VALIDITY_DAYS) {
            errors.put("validityDays", "approval.error.validity.range");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
        Tenant tenant = tenants.findById(TenantContext.requireTenant()).orElseThrow();
        Instant now = clock.instant();
        // Whole seconds: the token carries epoch seconds and must agree with the row.
        Instant expiresAt = now.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        PlanApprovalLink link = new PlanApprovalLink(planId, name, email, expiresAt,
                CurrentUser.require().displayName(), now);
        String token = tokens.issue(tenant.getId(), link.getId(), expiresAt);
        link.setTokenHash(Tokens.hash(token));
        links.save(link);
        Campaign campaign = view.campaign();
        audit.record(AuditAction.PLAN_APPROVAL_LINK_SENT, campaign.getName() + " — " + view.plan().displayName(),
                email + " · " + expiresAt);

        Locale locale = tenantLocale(tenant);
        ZoneId zone = tenantZone(tenant);
        String clientName = clientRows.findById(campaign.getClientId()).map(Client::getName).orElse("");
        mail.send(new MailService.Mail(email,
                i18n.getTranslation("approval.mail.subject", locale, campaign.getName(), clientName),
                i18n.getTranslation("approval.mail.body", locale, name == null ? "" : " " + name, tenant.getName(),
                        campaign.getName(), clientName, view.plan().displayName(),
                        view.totals().grandTotal().format(locale),
                        properties.linkBase() + "/approval/" + token, Formats.date(expiresAt, zone, locale))));
        return sentLink(link, view.plan(), now);
    }

    /** The links sent for a version, latest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<SentLink> list(UUID planId) {
        MediaPlan plan = plans.find(planId).orElseThrow(PlanNotFoundException::new);
        Instant now = clock.instant();
        return links.findByPlanIdOrderByCreatedAtDesc(plan.getId()).stream().map(l -> sentLink(l, plan, now)).toList();
    }

    /** Makes a pending link unusable; a link already answered, expired or revoked stays as it is. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void revoke(UUID linkId) {
        PlanApprovalLink link = links.findById(linkId).orElseThrow(LinkNotFoundException::new);
        MediaPlan plan = plans.find(link.getPlanId()).orElseThrow(LinkNotFoundException::new);
        if (link.isPending(clock.instant())) {
            link.revoke(clock.instant());
            String campaignName = campaignRows.findById(plan.getCampaignId()).map(Campaign::getName).orElse("");
            audit.record(AuditAction.PLAN_APPROVAL_LINK_REVOKED, campaignName + " — " + plan.displayName(),
                    link.getContactEmail());
        }
    }

    private static SentLink sentLink(PlanApprovalLink link, MediaPlan plan, Instant now) {
        return new SentLink(link.getId(), link.getContactName(), link.getContactEmail(), link.getCreatedByName(),
                link.getCreatedAt(), link.getExpiresAt(), status(link, plan, now), link.getComment());
    }

    private static LinkStatus status(PlanApprovalLink link, MediaPlan plan, Instant now) {
        if (link.getRevokedAt() != null) {
            return LinkStatus.REVOKED;
        }
        if (link.getUsedAt() != null) {
            return link.getDecision() == PlanApprovalLink.Decision.APPROVED ? LinkStatus.APPROVED : LinkStatus.COMMENTED;
        }
        // A link for a version decided otherwise can no longer be used: for the agency it has lapsed.
        return now.isBefore(link.getExpiresAt()) && plan.getStatus() == PlanStatus.PROPOSED
                ? LinkStatus.PENDING : LinkStatus.EXPIRED;
    }

    // ---- Portal: what waits for the client ----

    /**
     * The proposed versions of the clients the user may see, most recently proposed first: for a client
     * viewer, what they have to decide; for staff, what the clients have not answered yet.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public List<PendingApproval> pending() {
        List<PendingApproval> result = new ArrayList<>();
        for (MediaPlan plan : proposedPlans.findByStatus(PlanStatus.PROPOSED)) {
            Optional<Campaign> campaign = campaigns.find(plan.getCampaignId());
            Optional<Client> client = campaign.flatMap(c -> clients.find(c.getClientId()));
            if (client.isEmpty()) {
                continue;
            }
            PlanView view = plans.view(plan.getId());
            result.add(new PendingApproval(plan.getId(), client.get().getId(), client.get().getName(),
                    campaign.get().getId(), campaign.get().getName(), plan.getNumber(), plan.displayName(),
                    view.totals().grandTotal(), proposedAt(plan, campaign.get())));
        }
        result.sort((a, b) -> b.proposedAt().compareTo(a.proposedAt()));
        return result;
    }

    /** Plans keep no date of proposal: the campaign's latest move to "proposed" is it, else the version's creation. */
    private Instant proposedAt(MediaPlan plan, Campaign campaign) {
        return campaigns.history(campaign.getId()).stream()
                .filter(change -> change.getToStatus() == CampaignStatus.PROPOSED)
                .map(CampaignStatusChange::getChangedAt)
                .filter(at -> !at.isBefore(plan.getCreatedAt()))
                .reduce((first, second) -> second).orElse(plan.getCreatedAt());
    }

    // ---- Anonymous side: the contact who follows the link ----

    /** The plan behind the link, or why it cannot be used. No session needed (the link is the credential). */
    public Opening open(String token) {
        Verification verification = tokens.verify(token);
        if (!verification.valid()) {
            return new Opening(null, verification.refusal(), null, null);
        }
        Claims claims = verification.claims();
        return transactions.inScope(TenantContext.Scope.tenant(claims.tenantId()), () -> {
            Checked checked = check(claims, token);
            if (checked.refusal() != null) {
                return new Opening(null, checked.refusal(), checked.agencyName(), checked.locale());
            }
            return new Opening(summary(checked), null, checked.agencyName(), checked.locale());
        });
    }

    /**
     * Records the contact's decision through the link, once: approving approves the version (and the
     * campaign); asking for changes needs a comment and sends the version back to the agency.
     *
     * @throws ApprovalRefusedException when the link cannot (or can no longer) be used
     * @throws CampaignException        under {@code comment} when changes are asked for without one
     */
    public Decided decide(String token, boolean approve, String comment) {
        Verification verification = tokens.verify(token);
        if (!verification.valid()) {
            throw new ApprovalRefusedException(verification.refusal(), null);
        }
        Claims claims = verification.claims();
        return transactions.inScope(TenantContext.Scope.tenant(claims.tenantId()), () -> {
            Checked checked = check(claims, token);
            if (checked.refusal() != null) {
                throw new ApprovalRefusedException(checked.refusal(), checked.agencyName());
            }
            String note = comment == null || comment.isBlank() ? null : comment.strip();
            if (!approve && note == null) {
                throw new CampaignException(Map.of("comment", "campaigns.error.comment.required"));
            }
            PlanApprovalLink link = checked.link();
            plans.decideThroughLink(link.getPlanId(), approve, note, link.getContactName(), link.getContactEmail());
            link.use(clock.instant(), approve ? PlanApprovalLink.Decision.APPROVED : PlanApprovalLink.Decision.COMMENTED,
                    note);
            links.save(link);
            String campaignName = campaignRows.findById(checked.plan().getCampaignId()).map(Campaign::getName).orElse("");
            return new Decided(checked.agencyName(), approve, campaignName, checked.plan().displayName());
        });
    }

    /** The link, its plan and the agency, or why the link is refused; runs in the link's tenant. */
    private record Checked(PlanApprovalLink link, MediaPlan plan, Tenant tenant, Refusal refusal) {
        String agencyName() {
            return tenant == null ? null : tenant.getName();
        }

        Locale locale() {
            return tenant == null ? null : tenantLocale(tenant);
        }
    }

    private Checked check(Claims claims, String token) {
        Optional<PlanApprovalLink> found = links.findById(claims.linkId()).filter(l -> MessageDigest.isEqual(
                l.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                Tokens.hash(token).getBytes(StandardCharsets.US_ASCII)));
        Optional<Tenant> tenant = tenants.findById(claims.tenantId());
        if (found.isEmpty() || tenant.isEmpty()) {
            return new Checked(null, null, null, Refusal.INVALID);
        }
        PlanApprovalLink link = found.get();
        MediaPlan plan = planRows.findById(link.getPlanId()).orElse(null);
        Refusal refusal = null;
        if (link.getUsedAt() != null) {
            refusal = Refusal.USED;
        } else if (link.getRevokedAt() != null) {
            refusal = Refusal.REVOKED;
        } else if (!clock.instant().isBefore(link.getExpiresAt())) {
            refusal = Refusal.EXPIRED;
        } else if (plan == null || plan.getStatus() != PlanStatus.PROPOSED) {
            refusal = Refusal.PLAN_CHANGED;
        }
        return new Checked(link, plan, tenant.get(), refusal);
    }

    /** The client's read-only view of the version, as the link shows it (no session: the link is the access). */
    private PlanSummary summary(Checked checked) {
        Tenant tenant = checked.tenant();
        PlanView view = plans.viewThroughLink(checked.plan().getId());
        Campaign campaign = view.campaign();
        String clientName = clientRows.findById(campaign.getClientId()).map(Client::getName).orElse("");
        List<SummaryLine> lines = view.lines().stream().map(item -> new SummaryLine(item.getChannel(),
                view.vendorName(item), item.getPlacement(), item.getFormat(), item.getStartDate(), item.getEndDate(),
                Money.of(item.getCost(), view.currency()))).toList();
        PlanTotals totals = view.totals();
        PlanApprovalLink link = checked.link();
        return new PlanSummary(tenant.getName(), tenant.getLogo(), tenant.getLogoType(), clientName, campaign.getName(),
                campaign.getStartDate(), campaign.getEndDate(), view.plan().displayName(), link.getContactName(),
                link.getExpiresAt(), lines, totals.byChannel(), totals.mediaCost(), totals.agencyFee(),
                totals.grandTotal(), view.hasBudget() ? totals.budget() : null, tenantLocale(tenant), tenantZone(tenant));
    }

    private static Locale tenantLocale(Tenant tenant) {
        Locale locale = I18n.parse(tenant.getLocale());
        return locale == null ? I18n.FRENCH : locale;
    }

    private static ZoneId tenantZone(Tenant tenant) {
        try {
            return tenant.getTimeZone() == null ? ZoneId.of("Europe/Paris") : ZoneId.of(tenant.getTimeZone());
        } catch (RuntimeException unknownZone) {
            return ZoneId.of("Europe/Paris");
        }
    }

    /** The link cannot be used; {@code agencyName} is known when the link itself exists. */
    public static class ApprovalRefusedException extends RuntimeException {
        private final Refusal refusal;
        private final String agencyName;

        public ApprovalRefusedException(Refusal refusal, String agencyName) {
            super("approval link refused: " + refusal);
            this.refusal = refusal;
            this.agencyName = agencyName;
        }

        public Refusal refusal() {
            return refusal;
        }

        public String agencyName() {
            return agencyName;
        }
    }

    /** Unknown here: absent, another tenant's, or for a plan the user may not see. */
    public static class LinkNotFoundException extends RuntimeException {
        public LinkNotFoundException() {
            super("approval link not found");
        }
    }
}
