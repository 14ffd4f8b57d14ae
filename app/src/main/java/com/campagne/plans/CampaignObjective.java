package com.campagne.plans;

/** What a campaign is for; each has a label {@code campaigns.objective.<NAME>}. */
public enum CampaignObjective {
    AWARENESS, TRAFFIC, LEADS, SALES, RETENTION
}
