package com.campagne.connectors.api;

/** What kind of tool a connector connects; the app groups the connector catalogue by it. */
public enum Category {
    /** Ad networks: Google Ads, Meta Ads, Microsoft Advertising, LinkedIn Ads… */
    AD_NETWORK,
    /** Web analytics: GA4, Matomo… */
    ANALYTICS,
    /** E-mailing tools and mail servers: Brevo, Mailchimp, SMTP… */
    EMAILING,
    /** Organic social media pages and accounts. */
    SOCIAL,
    /** Reports uploaded as files (CSV, XLSX). */
    FILE
}
