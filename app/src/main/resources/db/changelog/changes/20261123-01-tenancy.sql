--liquibase formatted sql

--changeset campagne:20261123-01-tenants
-- The directory of tenants is installation-wide (not tenant-owned): sign-up checks slugs across it.
CREATE TABLE tenants (
    id          uuid         PRIMARY KEY,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('AGENCY', 'BUSINESS')),
    name        varchar(200) NOT NULL,
    slug        varchar(80)  NOT NULL UNIQUE,
    locale      varchar(10)  NOT NULL,
    currency    varchar(3)   NOT NULL,
    time_zone   varchar(64)  NOT NULL,
    logo        bytea,
    logo_type   varchar(64),
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);

--changeset campagne:20261123-01-users
CREATE TABLE users (
    id                 uuid         PRIMARY KEY,
    email              varchar(254) NOT NULL,
    password_hash      varchar(100) NOT NULL,
    display_name       varchar(120) NOT NULL,
    locale             varchar(10),
    email_verified_at  timestamptz,
    platform_admin     boolean      NOT NULL DEFAULT false,
    failed_logins      integer      NOT NULL DEFAULT 0,
    locked_until       timestamptz,
    last_tenant_id     uuid,
    created_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
CREATE UNIQUE INDEX users_email_uk ON users (lower(email));

-- One-time links sent by e-mail (address verification, password reset); only hashes are stored.
CREATE TABLE user_tokens (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     varchar(20) NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash  varchar(64) NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id);

--changeset campagne:20261123-01-memberships
CREATE TABLE memberships (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        varchar(20) NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MANAGER', 'CONTRIBUTOR', 'CLIENT_VIEWER')),
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    CONSTRAINT memberships_tenant_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT memberships_tenant_user_uk UNIQUE (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
-- A member row is visible inside its tenant, and to its own user (to list the tenants they can switch to).
CREATE POLICY memberships_isolation ON memberships
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           OR user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset campagne:20261123-01-invitations
CREATE TABLE invitations (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email        varchar(254) NOT NULL,
    role         varchar(20)  NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MANAGER', 'CONTRIBUTOR', 'CLIENT_VIEWER')),
    client_ids   uuid[]       NOT NULL DEFAULT '{}',
    token_hash   varchar(64)  NOT NULL UNIQUE,
    invited_by   uuid         REFERENCES users (id) ON DELETE SET NULL,
    expires_at   timestamptz  NOT NULL,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL,
    CONSTRAINT invitations_tenant_id_uk UNIQUE (tenant_id, id)
);

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
-- Visible in its tenant, and to whoever presents its token (the invitee has no tenant yet).
CREATE POLICY invitations_isolation ON invitations
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           OR token_hash = nullif(current_setting('app.invitation_token', true), ''))
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
