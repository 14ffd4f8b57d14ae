package com.campagne.plans.vendors;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface VendorRateRepository extends JpaRepository<VendorRate, UUID> {

    List<VendorRate> findByVendorIdOrderByChannelAscPlacementAsc(UUID vendorId);
}
