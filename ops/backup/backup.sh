#!/usr/bin/env bash
# Backs up an Otklik database with pg_dump (custom format: compressed, restorable table by table).
#   DATABASE_URL=postgres://owner:…@host:5432/otklik ops/backup/backup.sh [file]
# Run it as the schema owner (the role migrations run as); pg_dump must be at least the server's version.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to back up, as its owner}"
file="${1:-otklik-$(date -u +%Y%m%dT%H%M%SZ).dump}"
# Grants are left out: the API re-grants its own role on every start (and after a restore).
pg_dump --format=custom --compress=9 --no-privileges --file="$file" --dbname="$DATABASE_URL"
echo "backup written to $file ($(du -h "$file" | cut -f1))"
