--liquibase formatted sql

--changeset campagne:grants-app-role runAlways:true runOnChange:true
-- The app role reads and writes rows but owns nothing, so row-level security always applies to it.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
REVOKE ALL ON databasechangelog, databasechangeloglock FROM ${app_role};
