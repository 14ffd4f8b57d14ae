package com.campagne.connectors.api.schema;

/** The marketing channel a figure belongs to, as the media plan and the dashboards group them. */
public enum Channel {
    /** Paid search (SEA): Google Ads search, Microsoft Advertising. */
    SEARCH,
    /** Display and programmatic banners. */
    DISPLAY,
    /** Paid social (SMA): Meta, LinkedIn, TikTok ads. */
    SOCIAL,
    /** Online video (YouTube, in-stream). */
    VIDEO,
    /** Shopping / product listing ads. */
    SHOPPING,
    /** E-mailing and newsletters. */
    EMAIL,
    /** Affiliation. */
    AFFILIATE,
    /** Organic search (SEO). */
    ORGANIC_SEARCH,
    /** Organic social posts. */
    ORGANIC_SOCIAL,
    /** Links from other sites. */
    REFERRAL,
    /** Direct visits. */
    DIRECT,
    /** Anything else, or a channel the source does not tell. */
    OTHER
}
