--liquibase formatted sql

--changeset campagne:20261123-17-oauth
-- Set when the provider refused the refresh token (invalid_grant): the user must authorise the account
-- again; cleared by a successful authorisation. The message says which account (last_check_message).
ALTER TABLE connections ADD COLUMN reauthorization_needed boolean NOT NULL DEFAULT false;
