#!/usr/bin/env bash
# Starts the local PostgreSQL cluster when it is not running, makes sure the test role and
# database exist, and prints the URL to reach them. Loopback only.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
# The app tests run side by side, each with its own pool: 100 connections (the default) ran out.
if [ "$(su postgres -c "psql -qtAc 'show max_connections'")" -lt 500 ]; then
  pg_conftool "$version" main set max_connections 500 >&2
  pg_ctlcluster "$version" main restart >&2
  for _ in $(seq 1 30); do su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
fi
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='resilience'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role resilience login password 'resilience'\"" >&2
# The backup test restores into a database of its own.
su postgres -c "psql -qc \"alter role resilience createdb\"" >&2
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='resilience_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O resilience resilience_test" >&2
port=$(pg_lsclusters -h | awk '$4=="online"{print $3; exit}')
echo "postgres://resilience:resilience@127.0.0.1:${port}/resilience_test?sslmode=disable"
