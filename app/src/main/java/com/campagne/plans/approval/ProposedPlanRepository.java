package com.campagne.plans.approval;

import com.campagne.plans.MediaPlan;
import com.campagne.plans.PlanStatus;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/** The tenant's plan versions waiting for the client, in one query rather than campaign by campaign. */
interface ProposedPlanRepository extends Repository<MediaPlan, UUID> {

    @Query("select p from MediaPlan p where p.status = ?1 order by p.createdAt desc")
    List<MediaPlan> findByStatus(PlanStatus status);
}
