#!/usr/bin/env bash
# `make load`: the load test (benchmarks/load.py) against the demo's production setup on a fresh database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_venv "$ROOT/requirements-demo.txt"
command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed (apt-get install redis-server)."
STATE=$ROOT/.load
mkdir -p "$STATE"
ensure_postgres "$STATE"
if [[ $PG_HOST == /* ]]; then
    export OEWG_BENCH_PG="postgresql://postgres@/postgres?host=$PG_HOST&port=$PG_PORT"
else
    export OEWG_BENCH_PG="postgresql://postgres@$PG_HOST:$PG_PORT"
fi
export SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=$ROOT
# exec: Ctrl-C reaches the load test itself, which stops what it started
exec "$PY" benchmarks/load.py
