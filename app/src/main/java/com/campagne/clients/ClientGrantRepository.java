package com.campagne.clients;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

public interface ClientGrantRepository extends JpaRepository<ClientGrant, ClientGrant.Key> {

    @Query("select g.key.clientId from ClientGrant g where g.key.membershipId = :membershipId")
    List<UUID> findClientIds(UUID membershipId);

    @Modifying
    @Query("delete from ClientGrant g where g.key.membershipId = :membershipId")
    void deleteByMembershipId(UUID membershipId);
}
