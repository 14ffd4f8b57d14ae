package com.campagne.plans.vendors;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface VendorContactRepository extends JpaRepository<VendorContact, UUID> {

    List<VendorContact> findByVendorIdOrderByNameAsc(UUID vendorId);
}
