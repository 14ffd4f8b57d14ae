package com.campagne.plans.tasks;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message of a task's thread. */
@Entity
@Table(name = "task_comments")
public class TaskComment extends TenantOwnedEntity {

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;
    @Column(name = "author_id", updatable = false)
    private UUID authorId;
    @Column(name = "author_name", updatable = false)
    private String authorName;
    private String body;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected TaskComment() {
    }

    TaskComment(UUID taskId, UUID authorId, String authorName, String body, Instant createdAt) {
        this.taskId = taskId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = createdAt;
    }

    public UUID getTaskId() { return taskId; }
    public UUID getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
