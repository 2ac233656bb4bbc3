#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL and Redis on loopback, as CI does, for the services
# tests and the benchmark:   eval "$(scripts/services.sh start)"   …   scripts/services.sh stop
# Needs the Debian packages postgresql and redis-server (installed with apt-get when missing, as root).
# PLIE_PG_DURABLE=1 keeps PostgreSQL's durable settings (fsync, full-page writes) for the figures the
# benchmark prints; without it (CI's throw-away test databases) they are off. PLIE_PG_OPTIONS adds
# server settings ("-c work_mem=16MB -c jit=off"…), see docs/performance.md.
set -euo pipefail
ACTION=${1:-start}
WORK=${PLIE_SERVICES_DIR:-/tmp/plie-services}
PG_PORT=${PLIE_PG_PORT:-54329}
REDIS_PORT=${PLIE_REDIS_PORT:-63799}

pg_bin() { echo "/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin"; }

case "$ACTION" in
start)
  missing=()
  for pkg in postgresql postgresql-contrib redis-server; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  PG_BIN=$(pg_bin)
  mkdir -p "$WORK/pg"
  chmod 755 "$WORK"
  chown postgres:postgres "$WORK/pg"
  if [ ! -f "$WORK/pg/PG_VERSION" ]; then
    runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if [ "${PLIE_PG_DURABLE:-0}" = 1 ]; then durability=""; else durability="-c fsync=off -c full_page_writes=off"; fi
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" status >/dev/null 2>&1; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
      -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 $durability ${PLIE_PG_OPTIONS:-}" start >/dev/null
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='plie'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE ROLE plie LOGIN SUPERUSER PASSWORD 'plie'"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='plie'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE plie OWNER plie"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  echo "export DATABASE_URL=postgres://plie:plie@127.0.0.1:$PG_PORT/plie"
  echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0"
  ;;
stop)
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
