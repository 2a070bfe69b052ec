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
    return 0
}
trap cleanup EXIT
log "Creating test database $DB"
create_database "$DB"

export INDICO_TEST_DATABASE_URI=$(pg_dsn "$DB")
export INDICO_TEST_REDIS_CACHE_URL=$REDIS_URL_BASE/14
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export OEWG_TEST_OUTPUT=${OEWG_TEST_OUTPUT:-$STATE/output}
mkdir -p "$OEWG_TEST_OUTPUT"

log "Running the test suite"
"$PY" -m pytest "$@"
