#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database, in one transaction (all or nothing).
#   DATABASE_URL=postgres://owner:…@host:5432/otklik_restored ops/backup/restore.sh file
# The database must exist and be empty; restore as a role named like the original owner (row-level
# security policies name it). Then start the API against it: it re-grants its own role and applies
# any migrations newer than the backup.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the empty database to restore into, as its owner}"
file="${1:?name the backup file}"
tables=$(psql --dbname="$DATABASE_URL" --tuples-only --no-align --command \
  "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the database already has $tables tables" >&2
  exit 1
fi
pg_restore --exit-on-error --single-transaction --no-privileges --dbname="$DATABASE_URL" "$file"
echo "restored $file"
