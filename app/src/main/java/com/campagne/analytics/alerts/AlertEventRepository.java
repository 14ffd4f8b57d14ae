package com.campagne.analytics.alerts;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface AlertEventRepository extends JpaRepository<AlertEvent, UUID> {

    /** The alerts still true (acknowledged or not). */
    List<AlertEvent> findByResolvedAtIsNull();

    @Query("select e from AlertEvent e where e.resolvedAt is null and e.acknowledgedAt is null"
            + " and (e.snoozedUntil is null or e.snoozedUntil <= :now) order by e.firedAt desc")
    List<AlertEvent> findOpen(Instant now);

    @Query("select count(e) from AlertEvent e where e.resolvedAt is null and e.acknowledgedAt is null"
            + " and (e.snoozedUntil is null or e.snoozedUntil <= :now)")
    long countOpen(Instant now);

    /** Acknowledged, snoozed or resolved: what is no longer asking for attention. */
    @Query("select e from AlertEvent e where e.acknowledgedAt is not null or e.resolvedAt is not null"
            + " or e.snoozedUntil > :now order by e.firedAt desc limit 200")
    List<AlertEvent> findHandled(Instant now);
}
