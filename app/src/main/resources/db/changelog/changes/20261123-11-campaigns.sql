--liquibase formatted sql

--changeset campagne:20261123-11-campaigns
-- A campaign of one client: what it aims at, when, with which budget, for whom, and where it stands.
CREATE TABLE campaigns (
    tenant_id      uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id             uuid          NOT NULL,
    client_id      uuid          NOT NULL,
    name           varchar(200)  NOT NULL,
    objective      varchar(16)   NOT NULL,
    start_date     date,
    end_date       date,
    budget         numeric(14,2),
    currency       char(3)       NOT NULL,
    audience       varchar(2000),
    personas       text,
    geography      varchar(500),
    age_min        integer,
    age_max        integer,
    interests      varchar(1000),
    -- The membership in charge (a member of the same tenant); kept as an id so removing a member keeps the campaign.
    owner_id       uuid,
    status         varchar(16)   NOT NULL DEFAULT 'DRAFT',
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT campaigns_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT campaigns_budget CHECK (budget IS NULL OR budget >= 0),
    CONSTRAINT campaigns_ages CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX campaigns_client_idx ON campaigns (tenant_id, client_id);

-- Each step of a campaign's workflow: who moved it, from where to where, when, and why.
CREATE TABLE campaign_status_changes (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    campaign_id      uuid          NOT NULL,
    from_status      varchar(16),
    to_status        varchar(16)   NOT NULL,
    changed_by       uuid,
    changed_by_name  varchar(200),
    changed_at       timestamptz   NOT NULL,
    comment          varchar(2000),
    version          bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_status_changes_campaign_idx ON campaign_status_changes (tenant_id, campaign_id, changed_at);

ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaigns FORCE ROW LEVEL SECURITY;
CREATE POLICY campaigns_isolation ON campaigns
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE campaign_status_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE campaign_status_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY campaign_status_changes_isolation ON campaign_status_changes
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
