package com.campagne.analytics;

import com.campagne.analytics.MetricsFilter.CampaignRef;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanRepository;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.PlanLineItemRepository;
import com.campagne.plans.PlanStatus;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a Campagne campaign is in measured data: the network campaigns its media plan's lines are linked to.
 * The plan of reference is the approved version if there is one (what was bought), else the latest.
 */
@Service
public class CampaignScope {

    private final CampaignService campaigns;
    private final MediaPlanRepository plans;
    private final PlanLineItemRepository lines;

    CampaignScope(CampaignService campaigns, MediaPlanRepository plans, PlanLineItemRepository lines) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.lines = lines;
    }

    /** A campaign, its plan of reference (if any) and that plan's lines. */
    public record Scope(Campaign campaign, Optional<MediaPlan> plan, List<PlanLineItem> lines) {

        /** The network campaigns the lines are linked to; empty when no line is linked yet. */
        public Set<CampaignRef> refs() {
            Set<CampaignRef> refs = new LinkedHashSet<>();
            for (PlanLineItem line : lines) {
                if (line.getSyncedCampaignId() != null) {
                    refs.add(new CampaignRef(line.getSyncedConnectionId(), line.getSyncedAccountId(),
                            line.getSyncedCampaignId()));
                }
            }
            return refs;
        }

        /** The filter of the campaign's measured data over its whole period. */
        public MetricsFilter filter() {
            return new MetricsFilter(campaign.getStartDate(), campaign.getEndDate(), Set.of(campaign.getClientId()),
                    refs(), null, null, null, null);
        }
    }

    /** The campaign's scope, if the user may see the campaign. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Scope> of(UUID campaignId) {
        return campaigns.find(campaignId).map(campaign -> {
            List<MediaPlan> versions = plans.findByCampaignIdOrderByNumberAsc(campaignId);
            Optional<MediaPlan> reference = versions.stream().filter(p -> p.getStatus() == PlanStatus.APPROVED)
                    .findFirst().or(() -> versions.stream().max(Comparator.comparingInt(MediaPlan::getNumber)));
            List<PlanLineItem> planLines = reference.map(p -> lines.findByPlanIdOrderByPositionAsc(p.getId()))
                    .orElse(List.of());
            return new Scope(campaign, reference, planLines);
        });
    }
}
