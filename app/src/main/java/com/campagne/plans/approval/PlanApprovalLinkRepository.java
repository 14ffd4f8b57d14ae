package com.campagne.plans.approval;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface PlanApprovalLinkRepository extends JpaRepository<PlanApprovalLink, UUID> {

    List<PlanApprovalLink> findByPlanIdOrderByCreatedAtDesc(UUID planId);
}
