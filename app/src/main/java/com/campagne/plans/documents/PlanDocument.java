package com.campagne.plans.documents;

import com.campagne.plans.MediaPlanService.PlanView;

import java.time.ZoneId;

/**
 * What a plan document shows: the version with its lines and totals, who sends it (agency name, logo and
 * colour) and to whom (the client), in the reader's language and the organisation's time zone.
 */
record PlanDocument(PlanView view, String agencyName, byte[] logo, String logoType, String brandColor,
                    String clientName, DocumentTexts texts, ZoneId zone) {

    /** "plan-printemps-2027-v2": a file name safe on every system. */
    String fileStem() {
        String campaign = java.text.Normalizer.normalize(view.campaign().getName(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "plan-" + (campaign.isEmpty() ? "campagne" : campaign) + "-v" + view.plan().getNumber();
    }
}
