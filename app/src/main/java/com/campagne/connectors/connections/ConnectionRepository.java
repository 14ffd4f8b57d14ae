package com.campagne.connectors.connections;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface ConnectionRepository extends JpaRepository<Connection, UUID> {

    List<Connection> findByClientIdOrderByNameAsc(UUID clientId);
}
