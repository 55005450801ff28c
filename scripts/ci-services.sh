#!/usr/bin/env bash
# Start the throwaway services the sink tests need and print the variables that point the
# tests at them, for `eval`:
#
#   eval "$(scripts/ci-services.sh start)"   # PostgreSQL on loopback; Spark venv if asked
#   cargo test
#   scripts/ci-services.sh stop
#
# start   installs PostgreSQL from Debian when missing (apt-get, as root), creates a cluster
#         in a temporary directory owned by the postgres user, listening on 127.0.0.1 and a
#         Unix socket in that directory with trust authentication, creates database
#         depeche_test and prints `export DEPECHE_TEST_POSTGRES_URL=...`. With
#         DEPECHE_TEST_SPARK=1 in the environment it also runs scripts/spark-setup.sh and
#         prints `export DEPECHE_SPARK_PYTHON=...`.
# stop    stops the cluster started by `start` and removes its directory.
#
# Only local addresses are used. Progress goes to stderr; stdout holds only the exports.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="${DEPECHE_SERVICES_STATE:-/tmp/depeche-ci-services}"
PORT="${DEPECHE_TEST_POSTGRES_PORT:-54329}"

log() { echo "ci-services: $*" >&2; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && echo "$d" # highest version last
    done | tail -n 1
}

start_postgres() {
    local bin
    bin="$(pg_bin)"
    if [ -z "$bin" ]; then
        if [ "$(id -u)" != 0 ]; then
            log "PostgreSQL is not installed; run as root or apt-get install postgresql"
            exit 1
        fi
        log "installing PostgreSQL (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        bin="$(pg_bin)"
    fi
    local data="$STATE/pgdata"
    if [ -f "$STATE/pg.pid" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "PostgreSQL already running in $data"
    else
        rm -rf "$STATE"
        mkdir -p "$STATE"
        if [ "$(id -u)" = 0 ]; then chown postgres: "$STATE"; fi
        as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
        as_postgres "$bin/pg_ctl" -D "$data" -l "$STATE/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$STATE -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >&2
        echo started >"$STATE/pg.pid"
        as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres depeche_test
        log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
    fi
    echo "export DEPECHE_TEST_POSTGRES_URL='postgresql://postgres@127.0.0.1:$PORT/depeche_test'"
}

stop_postgres() {
    local bin
    bin="$(pg_bin)"
    if [ -n "$bin" ] && [ -d "$STATE/pgdata" ]; then
        as_postgres "$bin/pg_ctl" -D "$STATE/pgdata" -m fast -w stop >&2 || true
    fi
    rm -rf "$STATE"
}

case "${1:-start}" in
start)
    start_postgres
    if [ "${DEPECHE_TEST_SPARK:-0}" = 1 ]; then
        py="$(scripts/spark-setup.sh | tail -n 1)"
        echo "export DEPECHE_TEST_SPARK=1"
        echo "export DEPECHE_SPARK_PYTHON='$py'"
    fi
    ;;
stop)
    stop_postgres
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
