#!/usr/bin/env bash
# Source this file: it makes a PostgreSQL 15 available to the tests (the backend
# runs them on SQLite and on PostgreSQL) and exports the connection string that
# @backstage/backend-test-utils' TestDatabases reads. Uses an already exported
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING as it is; otherwise starts
# the machine's PostgreSQL cluster (installing Debian's postgresql when missing).
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "Installing Debian's postgresql..." >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "The tests need PostgreSQL: install it, or export" \
        "BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://user:password@host:port" >&2
      return 1 2>/dev/null || exit 1
    fi
  fi
  read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters -h | head -1)
  if [ "$pg_status" != online ]; then
    pg_ctlcluster "$pg_version" "$pg_cluster" start
  fi
  # A password for TCP connections from the tests; the cluster is on loopback only.
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@127.0.0.1:${pg_port}"
  echo "PostgreSQL $pg_version on port $pg_port for the tests" >&2
fi
