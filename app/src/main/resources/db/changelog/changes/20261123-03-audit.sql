--liquibase formatted sql

--changeset campagne:20261123-03-audit-events
CREATE TABLE audit_events (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    occurred_at  timestamptz  NOT NULL,
    actor_id     uuid,
    actor_email  varchar(254),
    action       varchar(40)  NOT NULL,
    target       varchar(300),
    details      varchar(1000),
    ip           varchar(64),
    CONSTRAINT audit_events_tenant_id_uk UNIQUE (tenant_id, id)
);
CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, occurred_at DESC);

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_isolation ON audit_events
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
