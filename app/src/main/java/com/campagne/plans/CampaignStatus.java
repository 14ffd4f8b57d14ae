package com.campagne.plans;

import java.util.Map;
import java.util.Set;

/**
 * Where a campaign stands: prepared by the agency (DRAFT), shown to the client (PROPOSED), accepted
 * by the client (APPROVED), running (LIVE), over (ENDED). Labels: {@code campaigns.status.<NAME>}.
 */
public enum CampaignStatus {
    DRAFT, PROPOSED, APPROVED, LIVE, ENDED;

    private static final Map<CampaignStatus, Set<CampaignStatus>> NEXT = Map.of(
            DRAFT, Set.of(PROPOSED),
            PROPOSED, Set.of(APPROVED, DRAFT),
            APPROVED, Set.of(LIVE),
            LIVE, Set.of(ENDED),
            ENDED, Set.of());

    /** Whether the workflow allows going from this status straight to {@code next}. */
    public boolean canMoveTo(CampaignStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<CampaignStatus> next() {
        return NEXT.get(this);
    }
}
