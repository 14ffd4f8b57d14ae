package com.campagne.connectors.connections;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface ConnectionAccountRepository extends JpaRepository<ConnectionAccount, ConnectionAccount.Key> {

    @Query("select a from ConnectionAccount a where a.key.connectionId = :connectionId order by a.name, a.key.accountId")
    List<ConnectionAccount> findByConnection(UUID connectionId);

    @Query("select a from ConnectionAccount a where a.key.connectionId in :connectionIds")
    List<ConnectionAccount> findByConnections(Collection<UUID> connectionIds);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ConnectionAccount a where a.key.connectionId = :connectionId")
    int deleteByConnection(UUID connectionId);
}
