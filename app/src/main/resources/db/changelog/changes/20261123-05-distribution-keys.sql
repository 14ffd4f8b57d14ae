--liquibase formatted sql

--changeset campagne:20261123-05-distribution-keys
-- Citus distributes a table by tenant_id only if every primary key and unique constraint holds it:
-- tenant tables are keyed by (tenant_id, id), and foreign keys between them follow that key.
ALTER TABLE membership_clients DROP CONSTRAINT membership_clients_tenant_id_membership_id_fkey;
ALTER TABLE membership_clients DROP CONSTRAINT membership_clients_tenant_id_client_id_fkey;

ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE memberships DROP CONSTRAINT memberships_tenant_id_uk;
ALTER TABLE memberships ADD PRIMARY KEY (tenant_id, id);

ALTER TABLE clients DROP CONSTRAINT clients_pkey;
ALTER TABLE clients DROP CONSTRAINT clients_tenant_id_uk;
ALTER TABLE clients ADD PRIMARY KEY (tenant_id, id);

ALTER TABLE invitations DROP CONSTRAINT invitations_pkey;
ALTER TABLE invitations DROP CONSTRAINT invitations_tenant_id_uk;
ALTER TABLE invitations ADD PRIMARY KEY (tenant_id, id);
-- Tokens are 256 random bits: unique per tenant is unique in practice; the lookup index stays.
ALTER TABLE invitations DROP CONSTRAINT invitations_token_hash_key;
ALTER TABLE invitations ADD CONSTRAINT invitations_tenant_token_uk UNIQUE (tenant_id, token_hash);
CREATE INDEX invitations_token_hash_idx ON invitations (token_hash);

ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_tenant_id_uk;
ALTER TABLE audit_events ADD PRIMARY KEY (tenant_id, id);

ALTER TABLE membership_clients ADD FOREIGN KEY (tenant_id, membership_id)
    REFERENCES memberships (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE membership_clients ADD FOREIGN KEY (tenant_id, client_id)
    REFERENCES clients (tenant_id, id) ON DELETE CASCADE;
