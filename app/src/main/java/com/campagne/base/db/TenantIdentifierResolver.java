package com.campagne.base.db;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import java.util.UUID;

/** Gives Hibernate's {@code @TenantId} the tenant of the current scope; with none, a tenant that matches nothing. */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.currentTenant().orElse(TenantContext.NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
