package com.campagne.base.security;

import com.campagne.tenancy.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.UUID;

/** The authenticated user of the current request or UI access. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<CampagneUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CampagneUser user ? Optional.of(user) : Optional.empty();
    }

    public static CampagneUser require() {
        return get().orElseThrow(() -> new IllegalStateException("Not authenticated"));
    }

    public static Optional<CampagneUser.TenantSelection> tenant() {
        return get().map(CampagneUser::tenant);
    }

    public static UUID requireTenantId() {
        return tenant().map(CampagneUser.TenantSelection::tenantId)
                .orElseThrow(() -> new IllegalStateException("No current tenant"));
    }

    public static boolean hasRole(Role role) {
        return get().map(u -> u.hasRole(role)).orElse(false);
    }
}
