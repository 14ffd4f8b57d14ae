--liquibase formatted sql

--changeset campagne:20261123-13-task-creator
-- Who created a task (their membership), so that its creator may delete it, not only a manager.
ALTER TABLE tasks ADD COLUMN created_by_id uuid;
CREATE INDEX tasks_due_idx ON tasks (tenant_id, due_date) WHERE status <> 'DONE' AND reminded_at IS NULL;
