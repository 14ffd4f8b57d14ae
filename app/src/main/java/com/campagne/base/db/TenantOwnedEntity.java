package com.campagne.base.db;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/**
 * A row that belongs to one tenant. Hibernate fills {@code tenant_id} on insert and adds it to every
 * query; PostgreSQL row-level security checks it again for anything Hibernate does not see.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity {

    @Id
    private UUID id = UUID.randomUUID();

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    /** Optimistic locking; also tells Spring Data a never-saved entity (null) from a stored one. */
    @Version
    private Long version;

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o != null && getClass() == o.getClass() && id.equals(((TenantOwnedEntity) o).id));
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
