#!/usr/bin/env bash
# Installs Debian's PostgreSQL server if missing, starts it, and makes a test role and
# database, so the shared-database tests run against a real server:
#   postgres://dojo:dojo@localhost/dojo_test   (override with COLLECTOR_DOJO_TEST_PG)
# Idempotent; uses sudo when not root. Prints the URL on its last line.
set -euo pipefail

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
  echo "postgres: installing Debian's postgresql" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  $sudo pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  $sudo pg_ctlcluster "$version" main start
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
for _ in $(seq 1 30); do
  as_postgres psql -qAtc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
if [ "$(as_postgres psql -qAtc "SELECT 1 FROM pg_roles WHERE rolname = 'dojo'")" != "1" ]; then
  as_postgres psql -qc "CREATE ROLE dojo LOGIN PASSWORD 'dojo' CREATEDB" >/dev/null
fi
if [ "$(as_postgres psql -qAtc "SELECT 1 FROM pg_database WHERE datname = 'dojo_test'")" != "1" ]; then
  as_postgres createdb -O dojo dojo_test
fi
echo "postgres://dojo:dojo@localhost/dojo_test"
