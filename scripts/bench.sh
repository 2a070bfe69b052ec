#!/usr/bin/env bash
# `make bench`: run the benchmarks (all of benchmarks/, or the ones named) against Indico's own pages.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_venv "$ROOT/requirements-demo.txt" "$ROOT/requirements-test.txt"
STATE=$ROOT/.bench
mkdir -p "$STATE"
ensure_postgres "$STATE"
ensure_redis "$STATE"
if [[ $PG_HOST == /* ]]; then
    export OEWG_BENCH_PG="postgresql://postgres@/postgres?host=$PG_HOST&port=$PG_PORT"
else
    export OEWG_BENCH_PG="postgresql://postgres@$PG_HOST:$PG_PORT"
fi
export OEWG_BENCH_REDIS=$REDIS_URL_BASE/12 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH=$ROOT
benches=("$@")
[[ ${#benches[@]} -gt 0 ]] || benches=(statements observers registration speakers)
# Every benchmark runs even when an earlier one misses a target; the exit status says whether any did.
status=0
for name in "${benches[@]}"; do
    log "Benchmark: $name"
    "$PY" "benchmarks/$name.py" || status=1
done
exit $status
