#!/bin/sh
# First start of the PostgreSQL volume only (the image runs /docker-entrypoint-initdb.d once):
# one role and one database per service, so no service can read another's data. Each service
# creates its own schema and tables (migrations) when it starts.
set -eu

create_service_database() {
  name=$1
  password=$2
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_service_database msp_auth "$AUTH_DB_PASSWORD"
create_service_database msp_user "$USER_DB_PASSWORD"
create_service_database msp_project "$PROJECT_DB_PASSWORD"
create_service_database msp_comms "$COMMS_DB_PASSWORD"
