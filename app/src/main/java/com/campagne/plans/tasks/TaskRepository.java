package com.campagne.plans.tasks;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface TaskRepository extends JpaRepository<Task, UUID> {

    List<Task> findByCampaignId(UUID campaignId);

    List<Task> findByCampaignIdIn(Collection<UUID> campaignIds);

    List<Task> findByAssigneeId(UUID assigneeId);

    /** Open, assigned, not yet reminded, and due by {@code until} (overdue included). */
    @Query("select t from Task t where t.status <> com.campagne.plans.tasks.TaskStatus.DONE and t.remindedAt is null"
            + " and t.assigneeId is not null and t.dueDate is not null and t.dueDate <= ?1")
    List<Task> findToRemind(LocalDate until);
}
