package com.campagne.base.db;

/**
 * Where the database is and who connects. The app works as {@code appUser}, a role that owns no
 * table and cannot bypass row-level security; Liquibase migrates as {@code ownerUser}.
 */
public record DatabaseSettings(String url, String appUser, String appPassword,
                               String ownerUser, String ownerPassword) {

    @Override
    public String toString() {
        // Passwords never reach a log line.
        return "DatabaseSettings[url=" + url + ", appUser=" + appUser + ", ownerUser=" + ownerUser + "]";
    }
}
