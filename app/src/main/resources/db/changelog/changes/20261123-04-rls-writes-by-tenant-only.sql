--liquibase formatted sql

--changeset campagne:20261123-04-memberships-policies
-- A user sees their memberships in every tenant (to switch tenants) but changes them only in the
-- tenant acted for. The user clause sat in the USING of a FOR ALL policy, which also governs DELETE
-- (and which rows UPDATE may target): a user working in tenant A could delete their membership of B.
DROP POLICY memberships_isolation ON memberships;
CREATE POLICY memberships_isolation ON memberships
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY memberships_own_rows ON memberships FOR SELECT
    USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);

--changeset campagne:20261123-04-invitations-policies
-- Same for invitations: the token shows the invitation to the invitee, it does not let them delete it.
DROP POLICY invitations_isolation ON invitations;
CREATE POLICY invitations_isolation ON invitations
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY invitations_by_token ON invitations FOR SELECT
    USING (token_hash = nullif(current_setting('app.invitation_token', true), ''));
