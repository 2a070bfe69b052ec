# Shared by scripts/demo.sh and scripts/test.sh: the Python environment, PostgreSQL and Redis.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python
INDICO=$VENV/bin/indico

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

find_python() {
    # Indico 3.3.14 wants Python 3.12; the pyenv 3.12.1 on these machines works with --ignore-requires-python.
    if [[ -n ${OEWG_PYTHON:-} ]]; then echo "$OEWG_PYTHON"; return; fi
    if command -v pyenv >/dev/null 2>&1 && pyenv prefix 3.12.1 >/dev/null 2>&1; then
        echo "$(pyenv prefix 3.12.1)/bin/python"; return
    fi
    for candidate in python3.12 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(not ((3, 12, 1) <= sys.version_info[:3] < (3, 13)))'; then
            command -v "$candidate"; return
        fi
    done
    die "Python 3.12 (>= 3.12.1) is needed; set OEWG_PYTHON to its path."
}

# ensure_venv [extra requirement files...]: create .venv and install Indico, the plugin and the given requirements.
ensure_venv() {
    local inputs=("$ROOT/setup.cfg" "$@") stamp
    # One stamp per set of inputs: installs only add, so demo, test and i18n runs do not undo each other.
    stamp=$VENV/.oewg-installed-$(cat "${inputs[@]}" | sha1sum | cut -c1-16)
    if [[ -x $PY && -f $stamp ]]; then return; fi
    if [[ ! -x $PY ]]; then
        log "Creating $VENV"
        "$(find_python)" -m venv "$VENV"
        "$PY" -m pip install -q --upgrade pip setuptools wheel
    fi
    log "Installing Indico 3.3.14 and the plugin into $VENV"
    local reqs=()
    for f in "$@"; do reqs+=(-r "$f"); done
    "$PY" -m pip install -q --ignore-requires-python -e "$ROOT" "${reqs[@]}" >"$VENV/pip.log" 2>&1 ||
        { cat "$VENV/pip.log"; die "pip install failed"; }
    touch "$stamp"
}

# pg_bin TOOL: path of a PostgreSQL server binary (they are not on PATH in Debian).
pg_bin() {
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n1)
    [[ -n $found ]] || die "PostgreSQL's $1 is not installed (apt-get install postgresql)."
    echo "$found"
}

# ensure_postgres DIR: sets PG_HOST/PG_PORT; starts a private cluster under DIR when 127.0.0.1:5432 does not answer.
ensure_postgres() {
    local dir=$1
    # OEWG_PRIVATE_SERVICES=1 skips the shared servers (to try the fallback on a machine that has them).
    if [[ -z ${OEWG_PRIVATE_SERVICES:-} ]] && "$PY" - <<'PY' 2>/dev/null
import psycopg2
psycopg2.connect(host='127.0.0.1', port=5432, user='postgres', dbname='postgres', connect_timeout=3).close()
PY
    then
        PG_HOST=127.0.0.1 PG_PORT=5432
        return
    fi
    PG_HOST=$dir/pg PG_PORT=${OEWG_PG_PORT:-55432}
    local data=$dir/pg/data runas=()
    # initdb and postgres refuse to run as root: use the postgres user then.
    if [[ $(id -u) == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir/pg" postgres
        runas=(runuser -u postgres --)
    fi
    mkdir -p "$dir/pg"
    [[ $(id -u) == 0 ]] && chown -R postgres "$dir/pg"
    if [[ ! -f $data/PG_VERSION ]]; then
        log "Creating a private PostgreSQL cluster in $data"
        "${runas[@]}" "$(pg_bin initdb)" -D "$data" -U postgres --auth=trust -E UTF8 >"$dir/pg/initdb.log" 2>&1 ||
            die "initdb failed; see $dir/pg/initdb.log"
    fi
    if ! "${runas[@]}" "$(pg_bin pg_ctl)" -D "$data" status >/dev/null 2>&1; then
        log "Starting the private PostgreSQL cluster on port $PG_PORT"
        "${runas[@]}" "$(pg_bin pg_ctl)" -D "$data" -w -l "$dir/pg/server.log" \
            -o "-p $PG_PORT -k $dir/pg -c listen_addresses=''" start >/dev/null ||
            die "PostgreSQL did not start; see $dir/pg/server.log"
        STARTED_PG=1
    fi
}

stop_private_postgres() {
    local dir=$1 runas=()
    [[ -f $dir/pg/data/PG_VERSION ]] || return 0
    [[ $(id -u) == 0 ]] && runas=(runuser -u postgres --)
    "${runas[@]}" "$(pg_bin pg_ctl)" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
}

pg_dsn() {  # pg_dsn DBNAME
    if [[ $PG_HOST == /* ]]; then
        echo "postgresql://postgres@/$1?host=$PG_HOST&port=$PG_PORT"
    else
        echo "postgresql://postgres@$PG_HOST:$PG_PORT/$1"
    fi
}

pg_sql() {  # pg_sql DBNAME SQL
    "$PY" - "$PG_HOST" "$PG_PORT" "$1" "$2" <<'PY'
import sys
import psycopg2
host, port, dbname, sql = sys.argv[1:]
conn = psycopg2.connect(host=host, port=int(port), user='postgres', dbname=dbname)
conn.autocommit = True
with conn.cursor() as cur:
    cur.execute(sql)
    if cur.description:
        for row in cur.fetchall():
            print(*row, sep='\t')
conn.close()
PY
}

create_database() {  # create_database NAME: a fresh UTF-8 database with Indico's extensions
    pg_sql postgres "CREATE DATABASE \"$1\" ENCODING 'UTF8' TEMPLATE template0"
    pg_sql "$1" 'CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;'
}

database_exists() {
    [[ $(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]
}

# ensure_redis DIR: sets REDIS_URL_BASE; starts redis-server under DIR when 127.0.0.1:6379 does not answer.
ensure_redis() {
    local dir=$1
    if [[ -z ${OEWG_PRIVATE_SERVICES:-} ]] &&
       "$PY" -c 'import redis; redis.Redis(host="127.0.0.1", port=6379, socket_timeout=3).ping()' 2>/dev/null; then
        REDIS_URL_BASE=redis://127.0.0.1:6379
        return
    fi
    local port=${OEWG_REDIS_PORT:-56379}
    REDIS_URL_BASE=redis://127.0.0.1:$port
    if "$PY" -c "import redis; redis.Redis(host='127.0.0.1', port=$port, socket_timeout=3).ping()" 2>/dev/null; then
        return
    fi
    command -v redis-server >/dev/null 2>&1 || die "redis-server is not installed (apt-get install redis-server)."
    mkdir -p "$dir/redis"
    log "Starting a private Redis on port $port"
    STARTED_REDIS=1
    redis-server --port "$port" --bind 127.0.0.1 --dir "$dir/redis" --daemonize yes \
        --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save '' --appendonly no
    for _ in $(seq 50); do
        "$PY" -c "import redis; redis.Redis(host='127.0.0.1', port=$port).ping()" 2>/dev/null && return
        sleep 0.1
    done
    die "Redis did not start; see $dir/redis/redis.log"
}

stop_private_redis() {
    local dir=$1
    [[ -f $dir/redis/redis.pid ]] && kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
}
