package com.campagne.tenancy;

/** What a member may do in a tenant. */
public enum Role {
    /** Created the tenant; everything, including removing admins. */
    OWNER,
    /** Manages members and settings. */
    ADMIN,
    /** Media planner / traffic manager: plans, campaigns, connections. */
    MANAGER,
    /** Community manager, content: works on what managers set up. */
    CONTRIBUTOR,
    /** The agency's customer: read-only, limited to the clients granted. */
    CLIENT_VIEWER;

    /** Spring Security authority names, used in {@code @RolesAllowed}. */
    public static final String OWNER_NAME = "OWNER";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String MANAGER_NAME = "MANAGER";
    public static final String CONTRIBUTOR_NAME = "CONTRIBUTOR";
    public static final String CLIENT_VIEWER_NAME = "CLIENT_VIEWER";
    /** Installation-wide operator; not a tenant role. */
    public static final String PLATFORM_ADMIN_NAME = "PLATFORM_ADMIN";

    public boolean canManageMembers() {
        return this == OWNER || this == ADMIN;
    }

    public boolean canEditClients() {
        return this == OWNER || this == ADMIN || this == MANAGER;
    }
}
