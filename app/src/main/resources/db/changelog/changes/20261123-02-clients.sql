--liquibase formatted sql

--changeset campagne:20261123-02-clients
-- Annonceurs: the brands an agency works for (a business tenant has exactly one: itself).
CREATE TABLE clients (
    id             uuid         PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name           varchar(200) NOT NULL,
    website        varchar(500),
    sector         varchar(120),
    contact_email  varchar(254),
    logo           bytea,
    logo_type      varchar(64),
    notes          text,
    archived_at    timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL,
    CONSTRAINT clients_tenant_id_uk UNIQUE (tenant_id, id)
);
CREATE INDEX clients_tenant_name_idx ON clients (tenant_id, lower(name));

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
CREATE POLICY clients_isolation ON clients
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- The clients a CLIENT_VIEWER member may see. Composite keys keep both ends in the same tenant.
CREATE TABLE membership_clients (
    tenant_id      uuid NOT NULL,
    membership_id  uuid NOT NULL,
    client_id      uuid NOT NULL,
    PRIMARY KEY (tenant_id, membership_id, client_id),
    FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE membership_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_clients FORCE ROW LEVEL SECURITY;
CREATE POLICY membership_clients_isolation ON membership_clients
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
