package com.campagne.plans;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface MediaPlanRepository extends JpaRepository<MediaPlan, UUID> {

    List<MediaPlan> findByCampaignIdOrderByNumberAsc(UUID campaignId);
}
