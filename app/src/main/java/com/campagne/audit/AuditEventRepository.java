package com.campagne.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

public interface AuditEventRepository extends JpaRepository<AuditEvent, UUID> {

    @Query("select e from AuditEvent e order by e.occurredAt desc")
    List<AuditEvent> findLatest(Pageable pageable);
}
