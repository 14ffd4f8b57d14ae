--liquibase formatted sql

--changeset campagne:20261123-10-sync-messages-en
-- A run's message in English too: connectors word their errors in both languages.
ALTER TABLE sync_runs ADD COLUMN message_en varchar(2000);
ALTER TABLE sync_run_errors ADD COLUMN location_en varchar(500);
ALTER TABLE sync_run_errors ADD COLUMN reason_en varchar(2000);
