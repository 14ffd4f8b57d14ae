--liquibase formatted sql

--changeset campagne:20261123-15-alerts
-- What a tenant wants to be warned of: a kind of condition, a threshold, an optional client or campaign scope.
CREATE TABLE alert_rules (
    tenant_id        uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               uuid           NOT NULL,
    -- SPEND_PACING, CPA_ABOVE_TARGET, CTR_DROP, ZERO_IMPRESSIONS, CONNECTION_FAILING, TOKEN_EXPIRING.
    kind             varchar(32)    NOT NULL,
    client_id        uuid,
    campaign_id      uuid,
    -- Percent for pacing and CTR drop, money for CPA (null: the campaign's CPA objective), days for tokens.
    threshold        numeric(16,4),
    enabled          boolean        NOT NULL DEFAULT true,
    notify_by_email  boolean        NOT NULL DEFAULT true,
    created_by       uuid,
    created_at       timestamptz    NOT NULL,
    updated_at       timestamptz    NOT NULL,
    version          bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_rules_tenant_idx ON alert_rules (tenant_id, kind);

-- A condition found true: fired once per subject while it lasts (last_seen_at moves), resolved when it clears.
CREATE TABLE alert_events (
    tenant_id        uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id               uuid           NOT NULL,
    -- Null for an alert of the system itself (no rule of the tenant behind it).
    rule_id          uuid,
    kind             varchar(32)    NOT NULL,
    client_id        uuid,
    campaign_id      uuid,
    connection_id    uuid,
    -- What the alert is about (kind + campaign, line or connection): one active alert per subject.
    subject_key      varchar(300)   NOT NULL,
    message          varchar(1000)  NOT NULL,
    message_en       varchar(1000)  NOT NULL,
    severity         varchar(16)    NOT NULL,
    fired_at         timestamptz    NOT NULL,
    last_seen_at     timestamptz    NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  uuid,
    snoozed_until    timestamptz,
    resolved_at      timestamptz,
    version          bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX alert_events_active_uk ON alert_events (tenant_id, subject_key) WHERE resolved_at IS NULL;
CREATE INDEX alert_events_open_idx ON alert_events (tenant_id, fired_at DESC) WHERE resolved_at IS NULL;

ALTER TABLE alert_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_rules_tenant ON alert_rules
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE alert_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_events FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_events_tenant ON alert_events
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
