#!/usr/bin/env bash
# `make test`: the environment of `make demo` plus test dependencies, a fresh database, then pytest.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_venv "$ROOT/requirements-demo.txt" "$ROOT/requirements-test.txt"
STATE=$ROOT/.test
mkdir -p "$STATE"
ensure_postgres "$STATE"
ensure_redis "$STATE"

DB=oewg_test_$$_$(date +%s)
cleanup() {
    pg_sql postgres "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
    # Servers this run started itself are stopped again; shared ones are left alone.
    [[ -n ${STARTED_PG:-} ]] && stop_private_postgres "$STATE"
    [[ -n ${STARTED_REDIS:-} ]] && stop_private_redis "$STATE"
    if [[ -n ${RUN_REDIS_DIR:-} ]]; then
        local pid
        pid=$(cat "$RUN_REDIS_DIR/redis.pid" 2>/dev/null || true)
        if [[ -n $pid ]]; then
            kill "$pid" 2>/dev/null || true
            # redis-server writes its log until it has exited: remove its directory only then
            for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
        rm -rf "$RUN_REDIS_DIR" || true
    fi
    return 0
}
trap cleanup EXIT
log "Creating test database $DB"
create_database "$DB"

export INDICO_TEST_DATABASE_URI=$(pg_dsn "$DB")
# Indico's fixtures flush the Redis cache (where sessions live) before every test, so two runs sharing a Redis
# database log each other out. Each run gets a Redis of its own when redis-server is installed.
if command -v redis-server >/dev/null 2>&1; then
    RUN_REDIS_DIR=$(mktemp -d "$STATE/redis-run.XXXXXX")
    RUN_REDIS_PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    redis-server --port "$RUN_REDIS_PORT" --bind 127.0.0.1 --dir "$RUN_REDIS_DIR" --daemonize yes \
        --pidfile "$RUN_REDIS_DIR/redis.pid" --logfile "$RUN_REDIS_DIR/redis.log" --save '' --appendonly no
    export INDICO_TEST_REDIS_CACHE_URL=redis://127.0.0.1:$RUN_REDIS_PORT/0
else
    export INDICO_TEST_REDIS_CACHE_URL=$REDIS_URL_BASE/14
fi
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export OEWG_TEST_OUTPUT=${OEWG_TEST_OUTPUT:-$STATE/output}
mkdir -p "$OEWG_TEST_OUTPUT"

# --- Registration: the committed JavaScript bundle must be what client/ builds to -------------------------------
# (the wheel ships indico_oewg/static/dist; a stale bundle would silently run old field code in browsers)
ASSETS_TMP=$(mktemp -d)
"$ROOT/scripts/assets.sh" --out "$ASSETS_TMP" >/dev/null
if ! diff -r "$ASSETS_TMP" "$ROOT/indico_oewg/static/dist" >/dev/null; then
    diff -r "$ASSETS_TMP" "$ROOT/indico_oewg/static/dist" | head -n 5 >&2 || true
    rm -rf "$ASSETS_TMP"
    die "indico_oewg/static/dist is not what client/ builds to: run \`make assets\` and commit the result."
fi
rm -rf "$ASSETS_TMP"
log "The committed JavaScript bundle matches client/"
# --- end registration --------------------------------------------------------------------------------------------

# --- Registration: headless Chromium for the browser tests (tests/registration/browser_test.py) -----------------
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    log "Installing Chromium and its driver for the browser tests (apt-get)"
    apt_run=(); [[ $(id -u) == 0 ]] || apt_run=(sudo)
    "${apt_run[@]}" apt-get update -qq && "${apt_run[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null ||
        die "Could not install chromium and chromium-driver (needed by the browser tests)."
fi
# --- end registration --------------------------------------------------------------------------------------------

log "Running the test suite"
"$PY" -m pytest "$@"
