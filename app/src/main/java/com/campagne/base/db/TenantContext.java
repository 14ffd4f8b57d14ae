package com.campagne.base.db;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who the current unit of work acts for: the tenant whose rows it may see (enforced by Hibernate's
 * {@code @TenantId} and by PostgreSQL row-level security), and the user, which lets a user list the
 * tenants they belong to. Taken from the authenticated session by default; code with no session
 * (sign-up, invitation links, background jobs) binds a scope explicitly with {@link #runAs}.
 */
public final class TenantContext {

    /** A tenant id that matches no row: used when nothing is bound, so queries fail closed. */
    public static final UUID NO_TENANT = new UUID(0, 0);

    /**
     * @param tenantId        the tenant acted for, or null
     * @param userId          the acting user, or null
     * @param invitationToken hash of an invitation token being redeemed, or null
     */
    public record Scope(UUID tenantId, UUID userId, String invitationToken) {
        public static Scope tenant(UUID tenantId) {
            return new Scope(tenantId, null, null);
        }

        public static Scope user(UUID userId) {
            return new Scope(null, userId, null);
        }

        public static Scope invitation(String tokenHash) {
            return new Scope(null, null, tokenHash);
        }
    }

    /** Supplies the scope of the authenticated session (set by the security layer). */
    public interface SessionScopeSource {
        Optional<Scope> currentScope();
    }

    private static final ThreadLocal<Scope> BOUND = new ThreadLocal<>();
    private static volatile SessionScopeSource sessionSource = Optional::empty;

    private TenantContext() {
    }

    public static void useSessionSource(SessionScopeSource source) {
        sessionSource = source;
    }

    /** The explicitly bound scope if any, else the session's. */
    public static Optional<Scope> current() {
        Scope bound = BOUND.get();
        return bound != null ? Optional.of(bound) : sessionSource.currentScope();
    }

    public static Optional<UUID> currentTenant() {
        return current().map(Scope::tenantId);
    }

    /** The current tenant; fails if none, for code that must never run outside one. */
    public static UUID requireTenant() {
        return currentTenant().orElseThrow(() -> new IllegalStateException("No tenant in this context"));
    }

    /** Runs {@code work} in {@code scope}; transactions begun inside it see that scope only. */
    public static <T> T runAs(Scope scope, Supplier<T> work) {
        Scope previous = BOUND.get();
        BOUND.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    public static void runAs(Scope scope, Runnable work) {
        runAs(scope, () -> {
            work.run();
            return null;
        });
    }
}
