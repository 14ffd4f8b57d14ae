package com.campagne.plans;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.plans.CampaignService.CampaignNotFoundException;
import com.campagne.plans.money.LineCost;
import com.campagne.plans.money.Money;
import com.campagne.plans.money.PlanLine;
import com.campagne.plans.money.PlanTotals;
import com.campagne.plans.money.PlannedKpis;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorRate;
import com.campagne.plans.vendors.VendorRateRepository;
import com.campagne.plans.vendors.VendorRepository;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The media plans of campaigns: versions, their line items and totals, the proposal to the client and the
 * client's decision. Visibility follows the campaign's ({@link CampaignService#find}); a client viewer sees
 * only versions that were proposed to them, never the agency's drafts.
 *
 * <p>Only a DRAFT version can be edited. Proposing a version proposes the campaign; approving one locks it,
 * supersedes the other proposed versions and approves the campaign; sending one back (with a comment)
 * returns the campaign to draft. A change after approval means a new version, copied from any other.
 */
@Service
public class MediaPlanService {

    static final int MAX_DISCOUNTS = 5;
    static final int MAX_LINES = 2000;
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.9999");
    static final BigDecimal MAX_VOLUME = new BigDecimal("9999999999999999.99");

    private final MediaPlanRepository plans;
    private final PlanLineItemRepository lines;
    private final VendorRepository vendors;
    private final VendorRateRepository rates;
    private final CampaignService campaigns;
    private final CampaignRepository campaignRows;
    private final SyncedCampaignLookup syncedCampaigns;
    private final AuditService audit;
    private final Clock clock;

    MediaPlanService(MediaPlanRepository plans, PlanLineItemRepository lines, VendorRepository vendors,
                     VendorRateRepository rates, CampaignService campaigns, CampaignRepository campaignRows,
                     SyncedCampaignLookup syncedCampaigns, AuditService audit, Clock clock) {
        this.plans = plans;
        this.syncedCampaigns = syncedCampaigns;
        this.lines = lines;
        this.vendors = vendors;
        this.rates = rates;
        this.campaigns = campaigns;
        this.campaignRows = campaignRows;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything a screen or a document needs of one version, read in one transaction. */
    public record PlanView(MediaPlan plan, Campaign campaign, List<PlanLineItem> lines, Map<UUID, String> vendorNames,
                           PlanTotals totals, boolean hasBudget) {

        public Currency currency() {
            return totals.currency();
        }

        /** The vendor's name, or "" for a line without one. */
        public String vendorName(PlanLineItem line) {
            return line.getVendorId() == null ? "" : vendorNames.getOrDefault(line.getVendorId(), "");
        }

        /** Over budget only means something when the campaign has a budget. */
        public boolean overBudget() {
            return hasBudget && totals.overBudget();
        }
    }

    /** The versions of the campaign the user may see, oldest first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<MediaPlan> versions(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(CampaignNotFoundException::new);
        return plans.findByCampaignIdOrderByNumberAsc(campaignId).stream().filter(MediaPlanService::shownToUser).toList();
    }

    /** The version if the user may see it: its campaign is visible and, for a client viewer, it was proposed. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<MediaPlan> find(UUID planId) {
        return plans.findById(planId).filter(p -> campaigns.find(p.getCampaignId()).isPresent())
                .filter(MediaPlanService::shownToUser);
    }

    private static boolean shownToUser(MediaPlan plan) {
        return plan.getStatus() != PlanStatus.DRAFT || !CurrentUser.require().hasRole(Role.CLIENT_VIEWER);
    }

    /**
     * The version to work on: the latest one, or a new v1 when the campaign has no plan yet. Never creates a
     * second version by itself: after an approval the planner asks for one explicitly.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public MediaPlan latestOrCreate(UUID campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(CampaignNotFoundException::new);
        List<MediaPlan> all = plans.findByCampaignIdOrderByNumberAsc(campaign.getId());
        if (!all.isEmpty()) {
            return all.getLast();
        }
        MediaPlan first = new MediaPlan(campaign.getId(), 1, null, clock.instant(), CampaignService.who());
        return plans.save(first);
    }

    /** One version with its lines (in plan order), vendor names and totals. */
    @Transactional(readOnly = true)
    @PermitAll
    public PlanView view(UUID planId) {
        MediaPlan plan = find(planId).orElseThrow(PlanNotFoundException::new);
        Campaign campaign = campaigns.find(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        return view(plan, campaign);
    }

    /**
     * The version as a signed approval link shows it to a client contact, who has no session: the caller
     * ({@code plans.approval}) verified the link and bound its tenant, and the link is the contact's access.
     */
    @Transactional(readOnly = true)
    public PlanView viewThroughLink(UUID planId) {
        MediaPlan plan = plans.findById(planId).orElseThrow(PlanNotFoundException::new);
        Campaign campaign = campaignRows.findById(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        return view(plan, campaign);
    }

    private PlanView view(MediaPlan plan, Campaign campaign) {
        List<PlanLineItem> planLines = lines.findByPlanIdOrderByPositionAsc(plan.getId());
        Map<UUID, String> names = vendors.findAll().stream()
                .collect(Collectors.toMap(Vendor::getId, Vendor::getName, (a, b) -> a));
        Currency currency = Currency.getInstance(campaign.getCurrency());
        boolean hasBudget = campaign.getBudget() != null;
        Money budget = hasBudget ? Money.of(campaign.getBudget(), currency) : Money.zero(currency);
        List<PlanLine> planLinesForTotals = planLines.stream().map(l -> new PlanLine(l.getChannel().name(),
                l.getVendorId() == null ? "" : names.getOrDefault(l.getVendorId(), ""),
                Money.of(l.getCost(), currency), l.getStartDate(), l.getEndDate())).toList();
        PlanTotals totals = new PlanTotals(budget, planLinesForTotals, plan.agencyFee(currency));
        return new PlanView(plan, campaign, planLines, names, totals, hasBudget);
    }

    /** The vendors a line may pick: the tenant's list without the archived ones, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<Vendor> vendorChoices() {
        return vendors.findAllByOrderByNameAsc().stream().filter(v -> !v.isArchived()).toList();
    }

    /** A vendor's rate card, to fill a line from one of its entries. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<VendorRate> rateCard(UUID vendorId) {
        return rates.findByVendorIdOrderByChannelAscPlacementAsc(vendorId);
    }

    /** One line of a version the user may see, by id. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<PlanLineItem> findLine(UUID lineId) {
        return lines.findById(lineId).filter(l -> find(l.getPlanId()).isPresent());
    }

    /** A new, unsaved line for the version, on the campaign's period. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public PlanLineItem newLine(UUID planId) {
        MediaPlan plan = editable(planId);
        Campaign campaign = campaigns.find(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        PlanLineItem line = new PlanLineItem(plan.getId());
        line.setStartDate(campaign.getStartDate());
        line.setEndDate(campaign.getEndDate());
        return line;
    }

    /**
     * Creates or updates a line of a draft version; every invalid field is reported at once (keys under
     * {@code plans.error.*}). The cost is computed here, never taken from the caller; planned KPIs left
     * empty are filled from the buying model (impressions for CPM, clicks for CPC…).
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public PlanLineItem saveLine(PlanLineItem line) {
        MediaPlan plan = editable(line.getPlanId());
        Campaign campaign = campaigns.find(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        if (line.getVersion() != null) {
            PlanLineItem stored = lines.findById(line.getId()).orElseThrow(PlanNotFoundException::new);
            if (!stored.getPlanId().equals(plan.getId())) {
                throw new PlanNotFoundException();
            }
        } else {
            if (lines.countByPlanId(plan.getId()) >= MAX_LINES) {
                throw CampaignException.of("plans.error.tooManyLines");
            }
            line.setPosition(lines.maxPosition(plan.getId()) + 1);
        }
        validate(line, campaign);
        Currency currency = Currency.getInstance(campaign.getCurrency());
        LineCost cost = line.lineCost(currency);
        line.setCost(cost.cost().amount());
        fillPlannedKpis(line, cost.plannedKpis());
        return lines.save(line);
    }

    private static void fillPlannedKpis(PlanLineItem line, PlannedKpis implied) {
        if (line.getPlannedImpressions() == null && implied.impressions() != null) {
            line.setPlannedImpressions(implied.impressions().setScale(0, Money.ROUNDING));
        }
        if (line.getPlannedClicks() == null && implied.clicks() != null) {
            line.setPlannedClicks(implied.clicks().setScale(0, Money.ROUNDING));
        }
        if (line.getPlannedConversions() == null && implied.conversions() != null) {
            line.setPlannedConversions(implied.conversions().setScale(0, Money.ROUNDING));
        }
    }

    /** Field → message key for every problem of the line; shared with the XLSX import, which names the row. */
    public Map<String, String> problems(PlanLineItem line, Campaign campaign) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (line.getChannel() == null) {
            errors.put("channel", "plans.error.channel.required");
        }
        if (line.getVendorId() != null) {
            Optional<Vendor> vendor = vendors.findById(line.getVendorId());
            if (vendor.isEmpty()) {
                errors.put("vendor", "plans.error.vendor.unknown");
            } else if (vendor.get().isArchived() && !line.getVendorId().equals(storedVendorOf(line))) {
                // An archived vendor stays on the lines that already had it, but is not picked any more.
                errors.put("vendor", "plans.error.vendor.archived");
            }
        }
        if (line.getPlacement() != null && line.getPlacement().length() > 300) {
            errors.put("placement", "plans.error.placement.size");
        }
        if (line.getFormat() != null && line.getFormat().length() > 100) {
            errors.put("format", "plans.error.format.size");
        }
        if (line.getBuyingModel() == null) {
            errors.put("buyingModel", "plans.error.buyingModel.required");
        }
        BigDecimal price = line.getRateCardPrice();
        if (price == null) {
            errors.put("rateCardPrice", "plans.error.price.required");
        } else if (price.signum() < 0 || price.scale() > 4 || price.compareTo(MAX_PRICE) > 0) {
            errors.put("rateCardPrice", "plans.error.price.invalid");
        }
        List<BigDecimal> discounts = line.getDiscounts();
        if (discounts.size() > MAX_DISCOUNTS
                || discounts.stream().anyMatch(d -> d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("discounts", "plans.error.discounts.invalid");
        }
        BigDecimal volume = line.getVolume();
        if (line.getBuyingModel() != null && line.getBuyingModel().usesVolume() && volume == null) {
            errors.put("volume", "plans.error.volume.required");
        } else if (volume != null && (volume.signum() < 0 || volume.scale() > 2 || volume.compareTo(MAX_VOLUME) > 0)) {
            errors.put("volume", "plans.error.volume.invalid");
        }
        for (var kpi : new Object[][]{{"plannedImpressions", line.getPlannedImpressions()},
                {"plannedClicks", line.getPlannedClicks()}, {"plannedConversions", line.getPlannedConversions()}}) {
            BigDecimal value = (BigDecimal) kpi[1];
            if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                    || value.compareTo(MAX_VOLUME) > 0)) {
                errors.put((String) kpi[0], "plans.error.kpi.invalid");
            }
        }
        if (line.getStartDate() == null) {
            errors.put("startDate", "plans.error.startDate.required");
        } else if (campaign.getStartDate() != null && line.getStartDate().isBefore(campaign.getStartDate())) {
            errors.put("startDate", "plans.error.flight.outside");
        }
        if (line.getEndDate() == null) {
            errors.put("endDate", "plans.error.endDate.required");
        } else if (line.getStartDate() != null && line.getEndDate().isBefore(line.getStartDate())) {
            errors.put("endDate", "plans.error.endDate.beforeStart");
        } else if (campaign.getEndDate() != null && line.getEndDate().isAfter(campaign.getEndDate())) {
            errors.put("endDate", "plans.error.flight.outside");
        }
        if (line.getTargeting() != null && line.getTargeting().length() > 2000) {
            errors.put("targeting", "plans.error.targeting.size");
        }
        if (line.getSyncedCampaignId() != null && (line.getSyncedConnectionId() == null
                || line.getSyncedAccountId() == null || !syncedCampaigns.exists(campaign.getClientId(),
                line.getSyncedConnectionId(), line.getSyncedAccountId(), line.getSyncedCampaignId()))) {
            // Only a campaign one of this client's connections discovered: the link is what analytics will join on.
            errors.put("syncedCampaign", "plans.error.syncedCampaign.unknown");
        }
        return errors;
    }

    private UUID storedVendorOf(PlanLineItem line) {
        return line.getVersion() == null ? null : lines.findById(line.getId()).map(PlanLineItem::getVendorId).orElse(null);
    }

    private void validate(PlanLineItem line, Campaign campaign) {
        Map<String, String> errors = problems(line, campaign);
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
    }

    /** Removes a line of a draft version. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void deleteLine(UUID lineId) {
        PlanLineItem line = lines.findById(lineId).orElseThrow(PlanNotFoundException::new);
        editable(line.getPlanId());
        lines.delete(line);
    }

    /** Moves a line of a draft version to another place in the plan (0-based index among its lines). */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void moveLine(UUID lineId, int toIndex) {
        PlanLineItem line = lines.findById(lineId).orElseThrow(PlanNotFoundException::new);
        editable(line.getPlanId());
        List<PlanLineItem> ordered = new ArrayList<>(lines.findByPlanIdOrderByPositionAsc(line.getPlanId()));
        ordered.remove(line);
        ordered.add(Math.max(0, Math.min(toIndex, ordered.size())), line);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).setPosition(i + 1);
        }
        lines.saveAll(ordered);
    }

    /** Saves the version's label, agency fee and notes (a draft only). */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public MediaPlan saveSettings(UUID planId, String label, FeeKind feeKind, BigDecimal feeValue, String notes) {
        MediaPlan plan = editable(planId);
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        if (cleanLabel != null && cleanLabel.length() > 200) {
            errors.put("label", "plans.error.label.size");
        }
        FeeKind kind = feeKind == null ? FeeKind.NONE : feeKind;
        if (kind != FeeKind.NONE && feeValue == null) {
            errors.put("fee", "plans.error.fee.required");
        } else if (kind == FeeKind.PERCENT && (feeValue.signum() < 0 || feeValue.compareTo(BigDecimal.valueOf(100)) > 0
                || feeValue.scale() > 4)) {
            errors.put("fee", "plans.error.fee.percent");
        } else if (kind == FeeKind.FLAT && (feeValue.signum() < 0 || feeValue.scale() > 2
                || feeValue.compareTo(MAX_PRICE) > 0)) {
            errors.put("fee", "plans.error.fee.flat");
        }
        if (notes != null && notes.length() > 4000) {
            errors.put("notes", "plans.error.notes.size");
        }
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
        plan.setLabel(cleanLabel);
        plan.setFeeKind(kind);
        plan.setFeeValue(kind == FeeKind.NONE ? null : feeValue);
        plan.setNotes(notes == null || notes.isBlank() ? null : notes.strip());
        return plans.save(plan);
    }

    /**
     * A new draft version copied from {@code fromPlanId} (any version: the approved one to amend it, an
     * older one to go back), numbered after the last; each line remembers the line it was copied from.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public MediaPlan newVersion(UUID fromPlanId, String label) {
        MediaPlan from = find(fromPlanId).orElseThrow(PlanNotFoundException::new);
        Campaign campaign = campaigns.find(from.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        if (campaign.getStatus() == CampaignStatus.ENDED) {
            throw CampaignException.of("campaigns.error.ended");
        }
        List<MediaPlan> all = plans.findByCampaignIdOrderByNumberAsc(campaign.getId());
        int number = all.stream().mapToInt(MediaPlan::getNumber).max().orElse(0) + 1;
        MediaPlan next = new MediaPlan(campaign.getId(), number, from.getId(), clock.instant(), CampaignService.who());
        next.setLabel(label == null || label.isBlank() ? null : label.strip());
        next.setFeeKind(from.getFeeKind());
        next.setFeeValue(from.getFeeValue());
        next.setNotes(from.getNotes());
        MediaPlan saved = plans.save(next);
        lines.saveAll(lines.findByPlanIdOrderByPositionAsc(from.getId()).stream().map(l -> l.copyInto(saved.getId())).toList());
        audit.record(AuditAction.PLAN_VERSION_CREATED, campaign.getName(), saved.displayName());
        return saved;
    }

    /** Sends a draft version to the client; the campaign becomes proposed if it was a draft. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public MediaPlan propose(UUID planId) {
        MediaPlan plan = editable(planId);
        Campaign campaign = campaigns.find(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        if (lines.countByPlanId(plan.getId()) == 0) {
            throw CampaignException.of("plans.error.propose.empty");
        }
        if (campaign.getStatus() != CampaignStatus.DRAFT && campaign.getStatus() != CampaignStatus.PROPOSED) {
            throw CampaignException.of("plans.error.propose.campaignStatus");
        }
        plan.setStatus(PlanStatus.PROPOSED);
        CampagneUser user = CurrentUser.require();
        if (campaign.getStatus() == CampaignStatus.DRAFT) {
            campaigns.moveStatus(campaign, CampaignStatus.PROPOSED, user.userId(), CampaignService.who(), user.email(),
                    plan.displayName());
        }
        audit.record(AuditAction.PLAN_PROPOSED, campaign.getName(), plan.displayName());
        return plans.save(plan);
    }

    /** The client (or staff on the client's word) approves a proposed version; see the class comment. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public MediaPlan approve(UUID planId, String comment) {
        MediaPlan plan = find(planId).orElseThrow(PlanNotFoundException::new);
        CampagneUser user = CurrentUser.require();
        return decide(plan, true, comment, user.userId(), CampaignService.who(), user.email());
    }

    /** The client sends a proposed version back with a comment (required); the campaign returns to draft. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
    public MediaPlan sendBack(UUID planId, String comment) {
        MediaPlan plan = find(planId).orElseThrow(PlanNotFoundException::new);
        CampagneUser user = CurrentUser.require();
        return decide(plan, false, comment, user.userId(), CampaignService.who(), user.email());
    }

    /**
     * The decision of a client contact without an account, through a signed approval link. No session and no
     * role: the caller ({@code plans.approval}) has verified the link and bound its tenant; the contact is
     * named in the campaign history and the audit log.
     */
    @Transactional
    public MediaPlan decideThroughLink(UUID planId, boolean approve, String comment, String contactName,
                                       String contactEmail) {
        MediaPlan plan = plans.findById(planId).orElseThrow(PlanNotFoundException::new);
        String who = contactName == null || contactName.isBlank() ? contactEmail : contactName + " <" + contactEmail + ">";
        return decide(plan, approve, comment, null, who, contactEmail);
    }

    private MediaPlan decide(MediaPlan plan, boolean approve, String comment, UUID byUserId, String byName, String byEmail) {
        if (plan.getStatus() != PlanStatus.PROPOSED) {
            throw CampaignException.of("plans.error.decide.notProposed");
        }
        Campaign campaign = campaignRows.findById(plan.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            throw new CampaignException(Map.of("comment", "campaigns.error.comment.size"));
        }
        if (!approve && note == null) {
            throw new CampaignException(Map.of("comment", "campaigns.error.comment.required"));
        }
        plan.decided(approve ? PlanStatus.APPROVED : PlanStatus.REJECTED, clock.instant(), byName, note);
        if (approve) {
            for (MediaPlan other : plans.findByCampaignIdOrderByNumberAsc(campaign.getId())) {
                if (!other.equals(plan) && other.getStatus() == PlanStatus.PROPOSED) {
                    other.setStatus(PlanStatus.SUPERSEDED);
                    plans.save(other);
                }
            }
            if (campaign.getStatus() == CampaignStatus.PROPOSED) {
                campaigns.moveStatus(campaign, CampaignStatus.APPROVED, byUserId, byName, byEmail,
                        note == null ? plan.displayName() : plan.displayName() + " — " + note);
            }
        } else if (campaign.getStatus() == CampaignStatus.PROPOSED
                && plans.findByCampaignIdOrderByNumberAsc(campaign.getId()).stream()
                .noneMatch(p -> !p.equals(plan) && p.getStatus() == PlanStatus.PROPOSED)) {
            campaigns.moveStatus(campaign, CampaignStatus.DRAFT, byUserId, byName, byEmail, plan.displayName() + " — " + note);
        }
        audit.record(byUserId, byEmail, approve ? AuditAction.PLAN_APPROVED : AuditAction.PLAN_SENT_BACK,
                campaign.getName(), note == null ? plan.displayName() : plan.displayName() + " — " + note);
        return plans.save(plan);
    }

    /** How one line changed between two versions. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** A pair of matching lines (either side may be absent) and the fields that differ. */
    public record ComparedLine(PlanLineItem older, PlanLineItem newer, Change change, Set<String> changedFields) {
    }

    public record PlanComparison(PlanView older, PlanView newer, List<ComparedLine> lines) {
        public Money difference() {
            return newer.totals().grandTotal().minus(older.totals().grandTotal());
        }
    }

    /**
     * Any two versions of one campaign, line by line: lines match when one was copied (directly or through
     * the versions between) from the other, so a renamed placement is still "changed", not removed + added.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public PlanComparison compare(UUID planA, UUID planB) {
        MediaPlan a = find(planA).orElseThrow(PlanNotFoundException::new);
        MediaPlan b = find(planB).orElseThrow(PlanNotFoundException::new);
        if (!a.getCampaignId().equals(b.getCampaignId())) {
            throw new PlanNotFoundException();
        }
        Campaign campaign = campaigns.find(a.getCampaignId()).orElseThrow(CampaignNotFoundException::new);
        PlanView older = view(a.getNumber() <= b.getNumber() ? a : b, campaign);
        PlanView newer = view(a.getNumber() <= b.getNumber() ? b : a, campaign);
        Map<UUID, UUID> originOf = new HashMap<>();
        for (MediaPlan version : plans.findByCampaignIdOrderByNumberAsc(campaign.getId())) {
            for (PlanLineItem line : lines.findByPlanIdOrderByPositionAsc(version.getId())) {
                if (line.getOriginId() != null) {
                    originOf.put(line.getId(), line.getOriginId());
                }
            }
        }
        Map<UUID, PlanLineItem> olderById = older.lines().stream()
                .collect(Collectors.toMap(PlanLineItem::getId, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        Set<UUID> matched = new LinkedHashSet<>();
        List<ComparedLine> result = new ArrayList<>();
        for (PlanLineItem line : newer.lines()) {
            PlanLineItem ancestor = null;
            for (UUID id = originOf.get(line.getId()); id != null && ancestor == null; id = originOf.get(id)) {
                ancestor = olderById.get(id);
            }
            if (ancestor == null || matched.contains(ancestor.getId())) {
                result.add(new ComparedLine(null, line, Change.ADDED, Set.of()));
            } else {
                matched.add(ancestor.getId());
                Set<String> changed = differences(ancestor, line);
                result.add(new ComparedLine(ancestor, line, changed.isEmpty() ? Change.SAME : Change.CHANGED, changed));
            }
        }
        for (PlanLineItem line : older.lines()) {
            if (!matched.contains(line.getId())) {
                result.add(new ComparedLine(line, null, Change.REMOVED, Set.of()));
            }
        }
        result.sort(Comparator.comparingInt(c -> c.newer() != null ? c.newer().getPosition() : c.older().getPosition()));
        return new PlanComparison(older, newer, result);
    }

    private static Set<String> differences(PlanLineItem a, PlanLineItem b) {
        Set<String> changed = new LinkedHashSet<>();
        diff(changed, "channel", a.getChannel(), b.getChannel());
        diff(changed, "vendor", a.getVendorId(), b.getVendorId());
        diff(changed, "placement", a.getPlacement(), b.getPlacement());
        diff(changed, "format", a.getFormat(), b.getFormat());
        diff(changed, "buyingModel", a.getBuyingModel(), b.getBuyingModel());
        diffNumber(changed, "rateCardPrice", a.getRateCardPrice(), b.getRateCardPrice());
        if (!sameNumbers(a.getDiscounts(), b.getDiscounts())) {
            changed.add("discounts");
        }
        diffNumber(changed, "volume", a.getVolume(), b.getVolume());
        diffNumber(changed, "cost", a.getCost(), b.getCost());
        diffNumber(changed, "plannedImpressions", a.getPlannedImpressions(), b.getPlannedImpressions());
        diffNumber(changed, "plannedClicks", a.getPlannedClicks(), b.getPlannedClicks());
        diffNumber(changed, "plannedConversions", a.getPlannedConversions(), b.getPlannedConversions());
        diff(changed, "startDate", a.getStartDate(), b.getStartDate());
        diff(changed, "endDate", a.getEndDate(), b.getEndDate());
        diff(changed, "targeting", a.getTargeting(), b.getTargeting());
        diff(changed, "syncedCampaign", a.getSyncedCampaignId(), b.getSyncedCampaignId());
        return changed;
    }

    private static void diff(Set<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static void diffNumber(Set<String> changed, String field, BigDecimal a, BigDecimal b) {
        if (a == null ? b != null : b == null || a.compareTo(b) != 0) {
            changed.add(field);
        }
    }

    private static boolean sameNumbers(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The version, if the user may change it: visible, staff, and still a draft. */
    private MediaPlan editable(UUID planId) {
        MediaPlan plan = find(planId).orElseThrow(PlanNotFoundException::new);
        if (plan.isLocked()) {
            throw CampaignException.of(plan.getStatus() == PlanStatus.APPROVED ? "plans.error.locked.approved"
                    : "plans.error.locked.notDraft");
        }
        return plan;
    }

    /** Unknown here: absent, another tenant's, not granted or a draft shown to a client, which all look the same. */
    public static class PlanNotFoundException extends RuntimeException {
        public PlanNotFoundException() {
            super("media plan not found");
        }
    }
}
