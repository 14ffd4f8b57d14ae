--liquibase formatted sql

--changeset campagne:20261123-16-reports
-- A client report sent on a calendar: every week (the Monday, for the week before), every month (the 1st,
-- for the month before) or once at the end of a campaign (the day after its last day).
CREATE TABLE report_schedules (
    tenant_id     uuid           NOT NULL,
    id            uuid           NOT NULL,
    client_id     uuid           NOT NULL,
    campaign_id   uuid,
    -- WEEKLY, MONTHLY, END_OF_CAMPAIGN
    kind          varchar(16)    NOT NULL,
    -- E-mail addresses, one per line; the client's contact e-mail by default.
    recipients    varchar(4000)  NOT NULL,
    language      varchar(8)     NOT NULL DEFAULT 'fr',
    commentary    varchar(8000),
    enabled       boolean        NOT NULL DEFAULT true,
    next_run_at   timestamptz,
    last_run_at   timestamptz,
    last_error    varchar(2000),
    created_at    timestamptz    NOT NULL,
    created_by    varchar(200),
    version       bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT report_schedules_campaign CHECK (kind <> 'END_OF_CAMPAIGN' OR campaign_id IS NOT NULL)
);
CREATE INDEX report_schedules_client_idx ON report_schedules (tenant_id, client_id);
CREATE INDEX report_schedules_due_idx ON report_schedules (next_run_at) WHERE enabled;

-- The archive: every report generated, with its two documents as sent.
CREATE TABLE reports (
    tenant_id     uuid           NOT NULL,
    id            uuid           NOT NULL,
    client_id     uuid           NOT NULL,
    campaign_id   uuid,
    schedule_id   uuid,
    -- ON_DEMAND, WEEKLY, MONTHLY, END_OF_CAMPAIGN
    kind          varchar(16)    NOT NULL,
    period_from   date           NOT NULL,
    period_to     date           NOT NULL,
    title         varchar(300)   NOT NULL,
    language      varchar(8)     NOT NULL,
    commentary    varchar(8000),
    generated_at  timestamptz    NOT NULL,
    -- The person who asked for it; null for a scheduled report.
    generated_by  varchar(200),
    pdf           bytea          NOT NULL,
    xlsx          bytea          NOT NULL,
    sent_to       varchar(4000),
    sent_at       timestamptz,
    version       bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE SET NULL (campaign_id),
    FOREIGN KEY (tenant_id, schedule_id) REFERENCES report_schedules (tenant_id, id) ON DELETE SET NULL (schedule_id),
    CONSTRAINT reports_period CHECK (period_to >= period_from)
);
CREATE INDEX reports_client_idx ON reports (tenant_id, client_id, generated_at DESC);
-- One archived report per schedule and period: a retried run finds it instead of making a second one.
CREATE UNIQUE INDEX reports_schedule_period_uk ON reports (tenant_id, schedule_id, period_from, period_to)
    WHERE schedule_id IS NOT NULL;

ALTER TABLE report_schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_schedules FORCE ROW LEVEL SECURITY;
CREATE POLICY report_schedules_isolation ON report_schedules
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports FORCE ROW LEVEL SECURITY;
CREATE POLICY reports_isolation ON reports
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
