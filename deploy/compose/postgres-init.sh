#!/bin/sh
# First start of the compose PostgreSQL: one role and one database per FibreFlow service.
# FF_DATABASES is "role:database role:database ..." (docker-compose.yml); every role gets
# FF_SERVICE_PASSWORD and owns only its own database.
set -eu
for pair in $FF_DATABASES; do
  role=${pair%%:*}
  db=${pair#*:}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$role" -v db="$db" -v password="$FF_SERVICE_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
done
