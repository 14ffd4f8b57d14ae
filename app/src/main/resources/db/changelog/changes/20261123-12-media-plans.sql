--liquibase formatted sql

--changeset campagne:20261123-12-vendors
-- The tenant's vendors (régies, supports, networks): one list for every client's plans.
CREATE TABLE vendors (
    tenant_id   uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id          uuid          NOT NULL,
    name        varchar(200)  NOT NULL,
    -- What kind of seller it is: REGIE (sales house), SUPPORT (a title / site / station), NETWORK (ad platform), OTHER.
    kind        varchar(16)   NOT NULL DEFAULT 'OTHER',
    website     varchar(500),
    notes       varchar(4000),
    archived    boolean       NOT NULL DEFAULT false,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX vendors_name_uk ON vendors (tenant_id, lower(name));

CREATE TABLE vendor_contacts (
    tenant_id   uuid          NOT NULL,
    id          uuid          NOT NULL,
    vendor_id   uuid          NOT NULL,
    name        varchar(200)  NOT NULL,
    job_title   varchar(200),
    email       varchar(254),
    phone       varchar(50),
    version     bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX vendor_contacts_vendor_idx ON vendor_contacts (tenant_id, vendor_id);

-- A vendor's rate card: the gross price of a placement/format under a buying model, for a period.
CREATE TABLE vendor_rates (
    tenant_id     uuid           NOT NULL,
    id            uuid           NOT NULL,
    vendor_id     uuid           NOT NULL,
    channel       varchar(24)    NOT NULL,
    placement     varchar(300),
    format        varchar(100),
    buying_model  varchar(16)    NOT NULL,
    price         numeric(16,4)  NOT NULL CHECK (price >= 0),
    currency      char(3)        NOT NULL,
    valid_from    date,
    valid_to      date,
    notes         varchar(1000),
    version       bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT vendor_rates_period CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX vendor_rates_vendor_idx ON vendor_rates (tenant_id, vendor_id);

--changeset campagne:20261123-12-media-plans
-- A version of a campaign's media plan (v1 proposed, v2 negotiated…). The approved version is locked.
CREATE TABLE media_plans (
    tenant_id         uuid           NOT NULL,
    id                uuid           NOT NULL,
    campaign_id       uuid           NOT NULL,
    number            integer        NOT NULL CHECK (number > 0),
    label             varchar(200),
    -- DRAFT (being edited), PROPOSED (sent to the client), APPROVED (locked), REJECTED (sent back), SUPERSEDED.
    status            varchar(16)    NOT NULL DEFAULT 'DRAFT',
    -- Agency fee: NONE, PERCENT (of media cost) or FLAT (amount in the campaign currency).
    fee_kind          varchar(8)     NOT NULL DEFAULT 'NONE',
    fee_value         numeric(16,4),
    based_on_id       uuid,
    notes             varchar(4000),
    created_at        timestamptz    NOT NULL,
    created_by_name   varchar(200),
    decided_at        timestamptz,
    decided_by_name   varchar(200),
    decision_comment  varchar(2000),
    version           bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT media_plans_number_uk UNIQUE (tenant_id, campaign_id, number)
);

-- One line of a plan: where, how it is bought, at what negotiated price, how much, when.
CREATE TABLE plan_line_items (
    tenant_id            uuid           NOT NULL,
    id                   uuid           NOT NULL,
    plan_id              uuid           NOT NULL,
    -- The line of the previous version this one was copied from, so two versions compare line by line.
    origin_id            uuid,
    position             integer        NOT NULL,
    channel              varchar(24)    NOT NULL,
    vendor_id            uuid,
    placement            varchar(300),
    format               varchar(100),
    buying_model         varchar(16)    NOT NULL,
    rate_card_price      numeric(16,4)  NOT NULL CHECK (rate_card_price >= 0),
    -- Cascading discounts in percent, in the order granted, separated by ';' (e.g. '20;10').
    discounts            varchar(200),
    volume               numeric(18,2)  CHECK (volume IS NULL OR volume >= 0),
    -- The line total, kept rounded to the currency's minor units (computed from the fields above on save).
    cost                 numeric(16,2)  NOT NULL,
    planned_impressions  numeric(18,0),
    planned_clicks       numeric(18,0),
    planned_conversions  numeric(18,0),
    start_date           date           NOT NULL,
    end_date             date           NOT NULL,
    targeting            varchar(2000),
    -- Link to reality: a campaign discovered through a connection (synced_campaigns).
    synced_connection_id uuid,
    synced_account_id    varchar(255),
    synced_campaign_id   varchar(255),
    version              bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES media_plans (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id),
    CONSTRAINT plan_line_items_flight CHECK (end_date >= start_date)
);
CREATE INDEX plan_line_items_plan_idx ON plan_line_items (tenant_id, plan_id, position);
CREATE INDEX plan_line_items_synced_idx ON plan_line_items (tenant_id, synced_connection_id, synced_campaign_id)
    WHERE synced_campaign_id IS NOT NULL;

--changeset campagne:20261123-12-objectives
-- A SMART objective of a client (campaign_id null) or of one campaign, placed in a balanced-scorecard perspective.
CREATE TABLE objectives (
    tenant_id     uuid           NOT NULL,
    id            uuid           NOT NULL,
    client_id     uuid           NOT NULL,
    campaign_id   uuid,
    -- FINANCIAL, CUSTOMER, INTERNAL_PROCESS, LEARNING_GROWTH.
    perspective   varchar(20)    NOT NULL,
    title         varchar(300)   NOT NULL,
    -- A key of the KPI list (e.g. CONVERSIONS, CPA, ROAS).
    metric        varchar(32)    NOT NULL,
    target_value  numeric(18,4)  NOT NULL,
    baseline      numeric(18,4),
    deadline      date           NOT NULL,
    owner_id      uuid,
    notes         varchar(2000),
    created_at    timestamptz    NOT NULL,
    version       bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX objectives_client_idx ON objectives (tenant_id, client_id);

--changeset campagne:20261123-12-tasks
-- Delegated work on a campaign or one of its line items.
CREATE TABLE tasks (
    tenant_id        uuid           NOT NULL,
    id               uuid           NOT NULL,
    campaign_id      uuid           NOT NULL,
    line_item_id     uuid,
    title            varchar(300)   NOT NULL,
    description      varchar(4000),
    assignee_id      uuid,
    due_date         date,
    -- TODO, IN_PROGRESS, DONE.
    status           varchar(16)    NOT NULL DEFAULT 'TODO',
    created_by_name  varchar(200),
    created_at       timestamptz    NOT NULL,
    -- When the "due soon" reminder went out, so it goes out once.
    reminded_at      timestamptz,
    version          bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, line_item_id) REFERENCES plan_line_items (tenant_id, id) ON DELETE SET NULL (line_item_id)
);
CREATE INDEX tasks_campaign_idx ON tasks (tenant_id, campaign_id);
CREATE INDEX tasks_assignee_idx ON tasks (tenant_id, assignee_id, status);

CREATE TABLE task_comments (
    tenant_id    uuid           NOT NULL,
    id           uuid           NOT NULL,
    task_id      uuid           NOT NULL,
    author_id    uuid,
    author_name  varchar(200),
    body         varchar(4000)  NOT NULL,
    created_at   timestamptz    NOT NULL,
    version      bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX task_comments_task_idx ON task_comments (tenant_id, task_id, created_at);

--changeset campagne:20261123-12-approval-links
-- A signed, expiring link e-mailed to a client contact with no account, to approve or comment one plan version.
CREATE TABLE plan_approval_links (
    tenant_id        uuid           NOT NULL,
    id               uuid           NOT NULL,
    plan_id          uuid           NOT NULL,
    contact_name     varchar(200),
    contact_email    varchar(254)   NOT NULL,
    -- SHA-256 of the token: the token itself is only in the e-mail.
    token_hash       varchar(64)    NOT NULL,
    expires_at       timestamptz    NOT NULL,
    created_by_name  varchar(200),
    created_at       timestamptz    NOT NULL,
    revoked_at       timestamptz,
    used_at          timestamptz,
    -- APPROVED or COMMENTED once the contact has answered.
    decision         varchar(16),
    comment          varchar(2000),
    version          bigint         NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES media_plans (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_approval_links_token_uk UNIQUE (tenant_id, token_hash)
);

--changeset campagne:20261123-12-brand-colour
-- The agency's colour for client-ready documents (PDF plans and reports), as #RRGGBB.
ALTER TABLE tenants ADD COLUMN brand_color varchar(7);

--changeset campagne:20261123-12-rls
ALTER TABLE vendors ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendors FORCE ROW LEVEL SECURITY;
CREATE POLICY vendors_isolation ON vendors
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE vendor_contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendor_contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY vendor_contacts_isolation ON vendor_contacts
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE vendor_rates ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendor_rates FORCE ROW LEVEL SECURITY;
CREATE POLICY vendor_rates_isolation ON vendor_rates
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE media_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_plans FORCE ROW LEVEL SECURITY;
CREATE POLICY media_plans_isolation ON media_plans
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE plan_line_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_line_items FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_line_items_isolation ON plan_line_items
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE objectives ENABLE ROW LEVEL SECURITY;
ALTER TABLE objectives FORCE ROW LEVEL SECURITY;
CREATE POLICY objectives_isolation ON objectives
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_isolation ON tasks
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE task_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY task_comments_isolation ON task_comments
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE plan_approval_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_approval_links FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_approval_links_isolation ON plan_approval_links
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
