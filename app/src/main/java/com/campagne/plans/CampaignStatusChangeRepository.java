package com.campagne.plans;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface CampaignStatusChangeRepository extends JpaRepository<CampaignStatusChange, UUID> {

    List<CampaignStatusChange> findByCampaignIdOrderByChangedAtAsc(UUID campaignId);
}
