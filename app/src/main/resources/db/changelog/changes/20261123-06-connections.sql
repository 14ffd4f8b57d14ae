--liquibase formatted sql

--changeset campagne:20261123-06-connections
-- A connection: one tenant's account on one tool, for one client, through one connector.
CREATE TABLE connections (
    tenant_id              uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id                     uuid         NOT NULL,
    client_id              uuid         NOT NULL,
    connector_id           varchar(64)  NOT NULL,
    name                   varchar(200) NOT NULL,
    -- Non-secret settings as {key: value}; secrets live only in secrets_ciphertext.
    settings               jsonb        NOT NULL DEFAULT '{}'::jsonb,
    -- AES-GCM (Tink keyset) ciphertext of the secrets as JSON, bound to tenant and connection ids.
    secrets_ciphertext     bytea,
    schedule               varchar(16)  NOT NULL DEFAULT 'DAILY',
    status                 varchar(16)  NOT NULL DEFAULT 'ACTIVE',
    last_check_message     varchar(1000),
    credentials_expire_at  timestamptz,
    created_by             uuid,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX connections_client_idx ON connections (tenant_id, client_id);

-- The provider accounts chosen for a connection (from discover); reads are limited to them.
CREATE TABLE connection_accounts (
    tenant_id      uuid         NOT NULL,
    connection_id  uuid         NOT NULL,
    account_id     varchar(255) NOT NULL,
    name           varchar(500),
    currency       char(3),
    time_zone      varchar(64),
    PRIMARY KEY (tenant_id, connection_id, account_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

-- Files uploaded for FILE settings (a report to import), kept with the connection.
CREATE TABLE connection_files (
    tenant_id      uuid         NOT NULL,
    connection_id  uuid         NOT NULL,
    setting_key    varchar(64)  NOT NULL,
    file_name      varchar(255) NOT NULL,
    content        bytea        NOT NULL,
    uploaded_at    timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, connection_id, setting_key),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

-- The connector's opaque state, saved in the same transaction as the records it covers.
CREATE TABLE connection_sync_state (
    tenant_id      uuid        NOT NULL,
    connection_id  uuid        NOT NULL,
    state          text        NOT NULL,
    saved_at       timestamptz NOT NULL,
    run_id         uuid,
    PRIMARY KEY (tenant_id, connection_id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);

-- One sync of a connection: when, how it ended, how many records.
CREATE TABLE sync_runs (
    tenant_id       uuid         NOT NULL,
    id              uuid         NOT NULL,
    connection_id   uuid         NOT NULL,
    trigger         varchar(16)  NOT NULL,
    status          varchar(16)  NOT NULL,
    range_from      date         NOT NULL,
    range_to        date         NOT NULL,
    attempt         integer      NOT NULL DEFAULT 1,
    queued_at       timestamptz  NOT NULL,
    started_at      timestamptz,
    ended_at        timestamptz,
    records_read    bigint       NOT NULL DEFAULT 0,
    records_written bigint       NOT NULL DEFAULT 0,
    records_rejected bigint      NOT NULL DEFAULT 0,
    failure_type    varchar(32),
    message         varchar(2000),
    triggered_by    uuid,
    version         bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sync_runs_connection_idx ON sync_runs (tenant_id, connection_id, queued_at DESC);

-- What a run refused: a record of another account, an invalid record, a bad line of a file.
CREATE TABLE sync_run_errors (
    tenant_id      uuid          NOT NULL,
    run_id         uuid          NOT NULL,
    seq            integer       NOT NULL,
    location       varchar(500),
    reason         varchar(2000) NOT NULL,
    record         text,
    PRIMARY KEY (tenant_id, run_id, seq),
    FOREIGN KEY (tenant_id, run_id) REFERENCES sync_runs (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE connections FORCE ROW LEVEL SECURITY;
CREATE POLICY connections_isolation ON connections
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE connection_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE connection_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY connection_accounts_isolation ON connection_accounts
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE connection_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE connection_files FORCE ROW LEVEL SECURITY;
CREATE POLICY connection_files_isolation ON connection_files
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE connection_sync_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE connection_sync_state FORCE ROW LEVEL SECURITY;
CREATE POLICY connection_sync_state_isolation ON connection_sync_state
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE sync_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_runs_isolation ON sync_runs
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE sync_run_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_run_errors FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_run_errors_isolation ON sync_run_errors
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
