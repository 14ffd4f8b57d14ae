package com.campagne.connectors.connections;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

public interface ConnectionFileRepository extends JpaRepository<ConnectionFile, ConnectionFile.Key> {

    @Query("select f from ConnectionFile f where f.key.connectionId = :connectionId")
    List<ConnectionFile> findByConnection(UUID connectionId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ConnectionFile f where f.key.connectionId = :connectionId")
    int deleteByConnection(UUID connectionId);
}
