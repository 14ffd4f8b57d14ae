--liquibase formatted sql

--changeset campagne:20261123-14-metric-rollups
-- Pre-aggregates of metric_facts that dashboards, reports and alerts read instead of raw rows. The sync
-- engine rebuilds the (connection, day) slices a batch changed, in the batch's own transaction, so a
-- rollup never disagrees with the facts it sums. Rows are keyed by their dimensions; nullable ones are
-- compared with IS NOT DISTINCT FROM when a slice is rebuilt (delete + insert), so no unique key is
-- needed; a generated id gives each table the (tenant_id, id) primary key every tenant table has (Citus).
-- Measures sum with SQL's sum(): all unknown stays unknown (null), never 0.
--
-- metric_daily: per day, campaign, channel, device, country and currency (ad groups, ads and hours
-- folded), for the device and country filters.
CREATE TABLE metric_daily (
    tenant_id            uuid          NOT NULL,
    id                   bigint        GENERATED ALWAYS AS IDENTITY,
    client_id            uuid          NOT NULL,
    connection_id        uuid          NOT NULL,
    day                  date          NOT NULL,
    account_id           varchar(255)  NOT NULL,
    campaign_id          varchar(255),
    channel              varchar(16),
    device               varchar(8),
    country              char(2),
    currency             char(3),
    fact_rows            integer       NOT NULL,
    impressions          bigint,
    clicks               bigint,
    cost                 numeric(20, 6),
    conversions          numeric(20, 6),
    conversion_value     numeric(20, 6),
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
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX metric_daily_slice ON metric_daily (tenant_id, connection_id, day);
CREATE INDEX metric_daily_client_day ON metric_daily (tenant_id, client_id, day);

-- metric_campaign_daily: the same folded further over device and country, what a dashboard without
-- those two filters reads (one row per campaign and day and currency).
CREATE TABLE metric_campaign_daily (LIKE metric_daily INCLUDING DEFAULTS);
ALTER TABLE metric_campaign_daily DROP COLUMN device, DROP COLUMN country;
ALTER TABLE metric_campaign_daily ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE metric_campaign_daily ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE metric_campaign_daily ADD FOREIGN KEY (tenant_id, connection_id)
    REFERENCES connections (tenant_id, id) ON DELETE CASCADE;
CREATE INDEX metric_campaign_daily_slice ON metric_campaign_daily (tenant_id, connection_id, day);
CREATE INDEX metric_campaign_daily_client_day ON metric_campaign_daily (tenant_id, client_id, day, campaign_id);

-- The raw facts of one client over a range (drill-down to the rows behind a figure).
CREATE INDEX metric_facts_client_day ON metric_facts (tenant_id, client_id, day);

ALTER TABLE metric_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE metric_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY metric_daily_isolation ON metric_daily
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE metric_campaign_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE metric_campaign_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY metric_campaign_daily_isolation ON metric_campaign_daily
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Facts synced before this change get their rollups now.
INSERT INTO metric_daily (tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, device,
        country, currency, fact_rows, impressions, clicks, cost, conversions, conversion_value, sessions, users,
        new_users, page_views, bounces, emails_sent, emails_delivered, emails_opened, emails_clicked,
        emails_bounced, emails_unsubscribed, video_views, engagements, likes, comments, shares, followers)
SELECT tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, device, country, currency,
        count(*), sum(impressions), sum(clicks), sum(cost), sum(conversions), sum(conversion_value), sum(sessions),
        sum(users), sum(new_users), sum(page_views), sum(bounces), sum(emails_sent), sum(emails_delivered),
        sum(emails_opened), sum(emails_clicked), sum(emails_bounced), sum(emails_unsubscribed), sum(video_views),
        sum(engagements), sum(likes), sum(comments), sum(shares), sum(followers)
FROM metric_facts
GROUP BY tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, device, country, currency;
INSERT INTO metric_campaign_daily (tenant_id, client_id, connection_id, day, account_id, campaign_id, channel,
        currency, fact_rows, impressions, clicks, cost, conversions, conversion_value, sessions, users,
        new_users, page_views, bounces, emails_sent, emails_delivered, emails_opened, emails_clicked,
        emails_bounced, emails_unsubscribed, video_views, engagements, likes, comments, shares, followers)
SELECT tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, currency,
        sum(fact_rows), sum(impressions), sum(clicks), sum(cost), sum(conversions), sum(conversion_value),
        sum(sessions), sum(users), sum(new_users), sum(page_views), sum(bounces), sum(emails_sent),
        sum(emails_delivered), sum(emails_opened), sum(emails_clicked), sum(emails_bounced),
        sum(emails_unsubscribed), sum(video_views), sum(engagements), sum(likes), sum(comments), sum(shares),
        sum(followers)
FROM metric_daily
GROUP BY tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, currency;

--changeset campagne:20261123-14-metric-rollups-campaign-index
-- A campaign dashboard reads one network campaign's days: straight to them, not through every campaign
-- of the client over the range.
CREATE INDEX metric_campaign_daily_campaign_day ON metric_campaign_daily (tenant_id, connection_id, account_id,
    campaign_id, day);
CREATE INDEX metric_daily_campaign_day ON metric_daily (tenant_id, connection_id, account_id, campaign_id, day);
