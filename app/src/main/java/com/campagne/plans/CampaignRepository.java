package com.campagne.plans;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface CampaignRepository extends JpaRepository<Campaign, UUID> {

    List<Campaign> findByClientIdOrderByStartDateDescNameAsc(UUID clientId);
}
