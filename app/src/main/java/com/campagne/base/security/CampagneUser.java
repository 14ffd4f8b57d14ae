package com.campagne.base.security;

import com.campagne.tenancy.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated person and the tenant they currently work in. The current tenant lives here,
 * in the server-side session, and nowhere else: never in a URL or a value the browser sends.
 */
public final class CampagneUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The tenant being worked in and the role held there. */
    public record TenantSelection(UUID tenantId, String tenantName, Role role, UUID membershipId)
            implements Serializable {
    }

    private final UUID userId;
    private final String email;
    private String passwordHash;
    private final String displayName;
    private final String locale;
    private final boolean platformAdmin;
    private final boolean emailVerified;
    private final boolean locked;
    private final TenantSelection tenant;

    public CampagneUser(UUID userId, String email, String passwordHash, String displayName, String locale,
                        boolean platformAdmin, boolean emailVerified, boolean locked, TenantSelection tenant) {
        this.userId = userId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = locale;
        this.platformAdmin = platformAdmin;
        this.emailVerified = emailVerified;
        this.locked = locked;
        this.tenant = tenant;
    }

    public CampagneUser withTenant(TenantSelection selection) {
        return new CampagneUser(userId, email, null, displayName, locale, platformAdmin, emailVerified, locked,
                selection);
    }

    public CampagneUser withProfile(String newDisplayName, String newLocale) {
        return new CampagneUser(userId, email, null, newDisplayName, newLocale, platformAdmin, emailVerified,
                locked, tenant);
    }

    public UUID userId() { return userId; }
    public String email() { return email; }
    public String displayName() { return displayName; }
    public String locale() { return locale; }
    public boolean platformAdmin() { return platformAdmin; }
    public boolean emailVerified() { return emailVerified; }
    /** The current tenant, or null for a user who belongs to none (e.g. the platform operator). */
    public TenantSelection tenant() { return tenant; }

    public boolean hasRole(Role role) {
        return tenant != null && tenant.role() == role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (tenant != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + tenant.role().name()));
        }
        if (platformAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.PLATFORM_ADMIN_NAME));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return emailVerified;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** Same person, whatever the tenant: lets the session registry find all of a user's sessions. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CampagneUser other && userId.equals(other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId);
    }

    @Override
    public String toString() {
        return "CampagneUser[" + userId + "]";
    }
}
