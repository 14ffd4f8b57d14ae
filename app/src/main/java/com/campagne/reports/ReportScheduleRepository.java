package com.campagne.reports;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface ReportScheduleRepository extends JpaRepository<ReportSchedule, UUID> {

    List<ReportSchedule> findByClientIdOrderByCreatedAtAsc(UUID clientId);

    List<ReportSchedule> findByEnabledTrueAndNextRunAtLessThanEqualOrderByNextRunAtAsc(Instant now);
}
