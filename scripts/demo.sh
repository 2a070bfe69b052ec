#!/usr/bin/env bash
# `make demo`: the environment, a database, the OEWG demo data, then Indico as in production (uWSGI with worker
# processes, a Celery worker with beat, a Redis server of the demo's own, an SMTP sink) on
# http://127.0.0.1:${OEWG_DEMO_PORT:-8000}. Ctrl-C stops everything it started (demo/stack.py).
# `make demo-reset` (this script with --reset) throws the demo database and files away.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

STATE=${OEWG_DEMO_DIR:-$ROOT/.demo}
PORT=${OEWG_DEMO_PORT:-8000}

ensure_venv "$ROOT/requirements-demo.txt"
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
# Each demo directory has a database of its own (two clones' demos never share one); the name is kept in the
# directory. OEWG_DEMO_DB chooses it for a new directory.
if [[ ! -f $STATE/database ]]; then
    echo "${OEWG_DEMO_DB:-oewg_demo_$(printf '%s' "$STATE" | sha1sum | cut -c1-8)}" >"$STATE/database"
fi
DB=$(cat "$STATE/database")

if [[ ${1:-} == --reset ]]; then
    ensure_postgres "$STATE"
    log "Dropping the demo database $DB and $STATE"
    pg_sql postgres "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
    stop_private_postgres "$STATE"
    rm -rf "$STATE"
    exit 0
fi

command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed (apt-get install redis-server)."
ensure_postgres "$STATE"
database_exists "$DB" || { log "Creating database $DB"; create_database "$DB"; }

# Python runs the rest (also used by `make load` and the browser tests): a Redis server of the demo's own,
# indico.conf and uwsgi.ini in $STATE, database preparation or upgrade, the seed, then the services.
exec "$PY" -m demo.stack "$STATE" --db-uri "$(pg_dsn "$DB")" --port "$PORT"
