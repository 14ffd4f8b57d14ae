package com.campagne.plans.tasks;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Work delegated on a campaign (or one of its line items) to a member of the agency's staff. */
@Entity
@Table(name = "tasks")
public class Task extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "line_item_id")
    private UUID lineItemId;
    private String title;
    private String description;
    @Column(name = "assignee_id")
    private UUID assigneeId;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private TaskStatus status = TaskStatus.TODO;
    @Column(name = "created_by_id", updatable = false)
    private UUID createdById;
    @Column(name = "created_by_name", updatable = false)
    private String createdByName;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "reminded_at")
    private Instant remindedAt;

    protected Task() {
    }

    public Task(UUID campaignId) {
        this.campaignId = campaignId;
    }

    public UUID getCampaignId() { return campaignId; }
    public UUID getLineItemId() { return lineItemId; }
    public void setLineItemId(UUID lineItemId) { this.lineItemId = lineItemId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public UUID getAssigneeId() { return assigneeId; }
    public void setAssigneeId(UUID assigneeId) { this.assigneeId = assigneeId; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public TaskStatus getStatus() { return status; }
    public void setStatus(TaskStatus status) { this.status = status; }
    public UUID getCreatedById() { return createdById; }
    public String getCreatedByName() { return createdByName; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRemindedAt() { return remindedAt; }

    void created(UUID byMembershipId, String byName, Instant at) {
        createdById = byMembershipId;
        createdByName = byName;
        createdAt = at;
    }

    void copyCreation(Task stored) {
        createdById = stored.createdById;
        createdByName = stored.createdByName;
        createdAt = stored.createdAt;
        remindedAt = stored.remindedAt;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    /** A new due date (or assignee) deserves a new reminder. */
    void resetReminder() {
        remindedAt = null;
    }
}
