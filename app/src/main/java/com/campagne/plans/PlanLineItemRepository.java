package com.campagne.plans;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

public interface PlanLineItemRepository extends JpaRepository<PlanLineItem, UUID> {

    List<PlanLineItem> findByPlanIdOrderByPositionAsc(UUID planId);

    @Query("select coalesce(max(l.position), 0) from PlanLineItem l where l.planId = ?1")
    int maxPosition(UUID planId);

    long countByPlanId(UUID planId);
}
