package com.campagne.plans.objectives;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface ObjectiveRepository extends JpaRepository<Objective, UUID> {

    List<Objective> findByClientIdOrderByDeadlineAscTitleAsc(UUID clientId);
}
