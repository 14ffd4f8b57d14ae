#!/usr/bin/env bash
# Run once by the postgres image (/docker-entrypoint-initdb.d) when it initialises an empty
# volume, connected as POSTGRES_USER, the database owner. Creates the application role:
# it logs in, owns nothing and cannot bypass row-level security. The app's Liquibase, running as
# the owner, grants this role its rights on the tables.
#
# Values are passed as psql variables and quoted by psql (:'var' literal, :"var" identifier),
# never pasted into the SQL text.
set -euo pipefail

: "${POSTGRES_USER:?POSTGRES_USER is not set}"
: "${POSTGRES_DB:?POSTGRES_DB is not set}"
: "${CAMPAGNE_APP_USER:?CAMPAGNE_APP_USER is not set (see docker/.env.example)}"
: "${CAMPAGNE_APP_PASSWORD:?CAMPAGNE_APP_PASSWORD is not set (see docker/.env.example)}"

if [ "$CAMPAGNE_APP_USER" = "$POSTGRES_USER" ]; then
    echo "01-app-role.sh: CAMPAGNE_APP_USER must differ from POSTGRES_USER (the app role must own no table)" >&2
    exit 1
fi

psql --no-psqlrc -v ON_ERROR_STOP=1 \
     --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_user="$CAMPAGNE_APP_USER" \
     -v app_password="$CAMPAGNE_APP_PASSWORD" \
     -v db_name="$POSTGRES_DB" <<'SQL'
-- psql does not substitute variables inside DO $$ … $$, hence CREATE ROLE built with format() and run by \gexec.
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
              :'app_user', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :'app_user')
\gexec

GRANT CONNECT ON DATABASE :"db_name" TO :"app_user";
GRANT USAGE ON SCHEMA public TO :"app_user";
SQL

echo "01-app-role.sh: application role \"$CAMPAGNE_APP_USER\" ready on database \"$POSTGRES_DB\""
