--liquibase formatted sql

--changeset campagne:20261123-08-metric-facts
-- The figures synced from connectors: one row per connection, day and dimension tuple. dims_key is a
-- name-based UUID of (account, hour, campaign, ad group, ad, channel, device, country) computed by the
-- app, so the natural key is one narrow unique index instead of eight nullable columns.
-- Partitioned by month: dashboards read date ranges (partition pruning) and old months can be
-- detached or dropped without a long DELETE.
CREATE TABLE metric_facts (
    tenant_id            uuid          NOT NULL,
    connection_id        uuid          NOT NULL,
    day                  date          NOT NULL,
    dims_key             uuid          NOT NULL,
    client_id            uuid          NOT NULL,
    account_id           varchar(255)  NOT NULL,
    hour                 smallint,
    campaign_id          varchar(255),
    ad_group_id          varchar(255),
    ad_id                varchar(255),
    channel              varchar(16),
    device               varchar(8),
    country              char(2),
    currency             char(3),
    impressions          bigint,
    clicks               bigint,
    cost                 numeric(18, 6),
    conversions          numeric(18, 6),
    conversion_value     numeric(18, 6),
    sessions             bigint,
    users                bigint,
    new_users            bigint,
    page_views           bigint,
    bounces              bigint,
    emails_sent          bigint,
    emails_delivered     bigint,
    emails_opened        bigint,
    emails_clicked       bigint,
    emails_bounced       bigint,
    emails_unsubscribed  bigint,
    video_views          bigint,
    engagements          bigint,
    likes                bigint,
    comments             bigint,
    shares               bigint,
    followers            bigint,
    run_id               uuid,
    updated_at           timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, day, dims_key),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
) PARTITION BY RANGE (day);

ALTER TABLE metric_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE metric_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY metric_facts_isolation ON metric_facts
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset campagne:20261123-08-metric-partitions-function splitStatements:false
-- Creates the monthly partitions of metric_facts from the month of first_day on, for months months,
-- skipping those that exist. Runs as the schema owner (SECURITY DEFINER) so the app role, which owns
-- nothing, can call it from the daily maintenance task. A partition is a table of its own: the app
-- role is granted on it by grants.sql, so each one gets the same row-level security as the parent.
CREATE OR REPLACE FUNCTION ensure_metric_partitions(first_day date, months integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
DECLARE
    month_start date := date_trunc('month', first_day)::date;
    partition_name text;
    created integer := 0;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        partition_name := format('metric_facts_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(partition_name) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I PARTITION OF metric_facts FOR VALUES FROM (%L) TO (%L)',
                               partition_name, month_start, (month_start + interval '1 month')::date);
                PERFORM secure_metric_partition(partition_name);
                created := created + 1;
            EXCEPTION WHEN check_violation THEN
                -- Rows of that month already sit in the default partition: leave them there.
                RAISE NOTICE 'metric_facts: % not created, the default partition holds rows of that month',
                    partition_name;
            END;
        END IF;
        month_start := (month_start + interval '1 month')::date;
    END LOOP;
    RETURN created;
END;
$$;

CREATE OR REPLACE FUNCTION secure_metric_partition(partition_name text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', partition_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', partition_name);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
                   || ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                   partition_name || '_isolation', partition_name);
END;
$$;
REVOKE ALL ON FUNCTION secure_metric_partition(text) FROM PUBLIC;

--changeset campagne:20261123-08-metric-partitions
-- Rows of months without a partition (old imports) land in the default one; 15 months back (a full
-- sync reads 90 days, a year-on-year chart one year) and 12 ahead are created now, the rest daily.
CREATE TABLE metric_facts_default PARTITION OF metric_facts DEFAULT;
SELECT secure_metric_partition('metric_facts_default');
SELECT ensure_metric_partitions((date_trunc('month', current_date) - interval '15 months')::date, 28);

--changeset campagne:20261123-08-synced-entities
-- The provider's accounts, campaigns, ad groups and ads as last synced, upserted on their key.
CREATE TABLE synced_accounts (
    tenant_id      uuid          NOT NULL,
    connection_id  uuid          NOT NULL,
    account_id     varchar(255)  NOT NULL,
    client_id      uuid          NOT NULL,
    name           varchar(500),
    currency       char(3),
    time_zone      varchar(64),
    run_id         uuid,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, account_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE synced_campaigns (
    tenant_id      uuid          NOT NULL,
    connection_id  uuid          NOT NULL,
    account_id     varchar(255)  NOT NULL,
    campaign_id    varchar(255)  NOT NULL,
    client_id      uuid          NOT NULL,
    name           varchar(500),
    status         varchar(16),
    channel        varchar(16),
    start_date     date,
    end_date       date,
    run_id         uuid,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, account_id, campaign_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE synced_ad_groups (
    tenant_id      uuid          NOT NULL,
    connection_id  uuid          NOT NULL,
    account_id     varchar(255)  NOT NULL,
    ad_group_id    varchar(255)  NOT NULL,
    client_id      uuid          NOT NULL,
    campaign_id    varchar(255)  NOT NULL,
    name           varchar(500),
    status         varchar(16),
    run_id         uuid,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, account_id, ad_group_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE synced_ads (
    tenant_id      uuid          NOT NULL,
    connection_id  uuid          NOT NULL,
    account_id     varchar(255)  NOT NULL,
    ad_id          varchar(255)  NOT NULL,
    client_id      uuid          NOT NULL,
    campaign_id    varchar(255)  NOT NULL,
    ad_group_id    varchar(255),
    name           varchar(500),
    format         varchar(100),
    status         varchar(16),
    run_id         uuid,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, account_id, ad_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE synced_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE synced_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY synced_accounts_isolation ON synced_accounts
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE synced_campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE synced_campaigns FORCE ROW LEVEL SECURITY;
CREATE POLICY synced_campaigns_isolation ON synced_campaigns
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE synced_ad_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE synced_ad_groups FORCE ROW LEVEL SECURITY;
CREATE POLICY synced_ad_groups_isolation ON synced_ad_groups
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE synced_ads ENABLE ROW LEVEL SECURITY;
ALTER TABLE synced_ads FORCE ROW LEVEL SECURITY;
CREATE POLICY synced_ads_isolation ON synced_ads
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
