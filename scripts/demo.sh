#!/usr/bin/env bash
# `make demo`: the environment, a database, the OEWG demo data, then Indico with a Celery worker on
# http://127.0.0.1:${OEWG_DEMO_PORT:-8000}. Ctrl-C stops everything it started.
# `make demo-reset` (this script with --reset) throws the demo database and files away.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

STATE=${OEWG_DEMO_DIR:-$ROOT/.demo}
DB=${OEWG_DEMO_DB:-oewg_demo}
PORT=${OEWG_DEMO_PORT:-8000}
SMTP_PORT=${OEWG_DEMO_SMTP_PORT:-8025}

ensure_venv "$ROOT/requirements-demo.txt"
mkdir -p "$STATE"

if [[ ${1:-} == --reset ]]; then
    ensure_postgres "$STATE"
    log "Dropping the demo database and $STATE"
    pg_sql postgres "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
    stop_private_postgres "$STATE"
    stop_private_redis "$STATE"
    rm -rf "$STATE"
    exit 0
fi

ensure_postgres "$STATE"
ensure_redis "$STATE"
database_exists "$DB" || { log "Creating database $DB"; create_database "$DB"; }

# The configuration is rewritten on every run (the secret key is kept) so it follows the current services.
[[ -f $STATE/secret_key ]] || "$PY" -c 'import secrets; print(secrets.token_hex(32))' > "$STATE/secret_key"
mkdir -p "$STATE"/{archive,cache,tmp,log}
[[ -f $STATE/logging.yaml ]] || cp "$("$PY" -c 'import indico, os; print(os.path.dirname(indico.__file__))')/logging.yaml.sample" "$STATE/logging.yaml"
cat > "$STATE/indico.conf" <<CONF
# Written by scripts/demo.sh; changes are overwritten on the next \`make demo\`.
SQLALCHEMY_DATABASE_URI = '$(pg_dsn "$DB")'
SECRET_KEY = '$(cat "$STATE/secret_key")'
BASE_URL = 'http://127.0.0.1:$PORT'
USE_PROXY = False
CELERY_BROKER = '$REDIS_URL_BASE/1'
REDIS_CACHE_URL = '$REDIS_URL_BASE/0'
DEFAULT_TIMEZONE = 'Europe/Zurich'
DEFAULT_LOCALE = 'en_GB'
ENABLE_ROOMBOOKING = False
CACHE_DIR = '$STATE/cache'
TEMP_DIR = '$STATE/tmp'
LOG_DIR = '$STATE/log'
STORAGE_BACKENDS = {'default': 'fs:$STATE/archive'}
ATTACHMENT_STORAGE = 'default'
# E-mails go to a local sink that writes them to $STATE/log/mail.log; nothing leaves the machine.
SMTP_SERVER = ('127.0.0.1', $SMTP_PORT)
SMTP_USE_TLS = False
SMTP_USE_CELERY = False
SUPPORT_EMAIL = 'oewg-spacethreats@un.org'
PUBLIC_SUPPORT_EMAIL = 'oewg-spacethreats@un.org'
NO_REPLY_EMAIL = 'noreply@indico.demo'
SYSTEM_NOTICES_URL = None
# Offline, Indico checks e-mail deliverability by DNS and refuses every address unless DEBUG is on.
DEBUG = True
PLUGINS = {'oewg'}
CONF
export INDICO_CONFIG=$STATE/indico.conf
export C_FORCE_ROOT=1  # Celery refuses root otherwise; the demo runs as whoever starts it.

if [[ -z $(pg_sql "$DB" "SELECT 1 FROM information_schema.tables WHERE table_schema = 'events' LIMIT 1") ]]; then
    log "Preparing the database (indico db prepare)"
    "$INDICO" db prepare >"$STATE/log/db-prepare.log" 2>&1 || { cat "$STATE/log/db-prepare.log"; die "indico db prepare failed"; }
else
    log "Upgrading the database (indico db upgrade, indico db --all-plugins upgrade)"
    "$INDICO" db upgrade >"$STATE/log/db-upgrade.log" 2>&1 || { cat "$STATE/log/db-upgrade.log"; die "indico db upgrade failed"; }
    "$INDICO" db --all-plugins upgrade >>"$STATE/log/db-upgrade.log" 2>&1 || { cat "$STATE/log/db-upgrade.log"; die "plugin upgrade failed"; }
fi

log "Seeding the OEWG demo"
"$PY" "$ROOT/demo/seed.py" > "$STATE/logins.txt"

pids=()
stop_all() {
    trap - INT TERM EXIT
    log "Stopping the demo"
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

set -m  # every background job gets its own process group, so Ctrl-C can stop it with its children
"$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Debugging stdout >>"$STATE/log/mail.log" 2>&1 &
pids+=($!)
"$INDICO" celery worker -B --concurrency 1 -s "$STATE/celerybeat-schedule" >"$STATE/log/celery.log" 2>&1 &
pids+=($!)
"$INDICO" run -h 127.0.0.1 -p "$PORT" --reloader none >"$STATE/log/server.log" 2>&1 &
pids+=($!)
set +m

for _ in $(seq 120); do
    "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=2)" 2>/dev/null && break
    sleep 0.5
done

cat "$STATE/logins.txt"
echo
echo "E-mails: $STATE/log/mail.log   Server log: $STATE/log/server.log   Celery: $STATE/log/celery.log"
echo "Press Ctrl-C to stop."
wait
