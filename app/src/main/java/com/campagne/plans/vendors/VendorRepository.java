package com.campagne.plans.vendors;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface VendorRepository extends JpaRepository<Vendor, UUID> {

    List<Vendor> findAllByOrderByNameAsc();

    Optional<Vendor> findByNameIgnoreCase(String name);
}
