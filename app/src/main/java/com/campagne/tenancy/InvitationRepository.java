package com.campagne.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    @Query("""
            select i from Invitation i where i.acceptedAt is null and i.revokedAt is null
              and i.expiresAt > :now order by i.createdAt desc""")
    List<Invitation> findPending(Instant now);

    /**
     * By token, before the invitee has any tenant: native because the tenant is not yet known
     * (Hibernate's filter would hide it); row-level security shows the row to whoever holds the token.
     */
    @Query(value = "select tenant_id from invitations where token_hash = :tokenHash", nativeQuery = true)
    Optional<UUID> findTenantIdByTokenHash(String tokenHash);

    Optional<Invitation> findByTokenHash(String tokenHash);
}
