package com.campagne.audit;

/** The kinds of audited events; each has a label {@code audit.action.<NAME>} in the message bundles. */
public enum AuditAction {
    TENANT_CREATED,
    SIGN_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    SIGN_OUT,
    INVITATION_SENT,
    INVITATION_REVOKED,
    INVITATION_ACCEPTED,
    ROLE_CHANGED,
    MEMBER_REMOVED,
    SETTINGS_CHANGED,
    CLIENT_CREATED,
    CLIENT_UPDATED,
    CLIENT_ARCHIVED,
    CLIENT_RESTORED,
    CONNECTION_CREATED,
    CONNECTION_UPDATED,
    CONNECTION_DELETED,
    CAMPAIGN_CREATED,
    CAMPAIGN_UPDATED,
    CAMPAIGN_STATUS_CHANGED
}
