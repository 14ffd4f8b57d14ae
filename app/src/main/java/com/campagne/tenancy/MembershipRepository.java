package com.campagne.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface MembershipRepository extends JpaRepository<Membership, UUID> {

    @Query("select m from Membership m join fetch m.user where m.user.id = :userId")
    Optional<Membership> findByUserId(UUID userId);

    @Query("select m from Membership m join fetch m.user order by m.createdAt")
    List<Membership> findAllWithUsers();

    long countByRole(Role role);

    /**
     * Every tenant the user belongs to, across tenants: native on purpose (Hibernate's tenant filter
     * would keep only the current one); row-level security lets a user see their own memberships.
     */
    @Query(value = """
            select m.tenant_id as tenantId, t.name as tenantName, m.role as role, m.id as membershipId
            from memberships m join tenants t on t.id = m.tenant_id
            where m.user_id = :userId order by lower(t.name)""", nativeQuery = true)
    List<TenantMembershipView> findTenantsOfUser(UUID userId);

    interface TenantMembershipView {
        UUID getTenantId();
        String getTenantName();
        String getRole();
        UUID getMembershipId();
    }
}
