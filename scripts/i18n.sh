#!/usr/bin/env bash
# `make i18n`: extract the plugin's strings, update every catalogue (creating the French one), compile the .mo files.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_venv
DIR=indico_oewg/translations
"$VENV/bin/pybabel" extract -F babel.cfg -k _ -k N_ -k L_ --sort-by-file --no-wrap \
    --project indico-plugin-oewg --copyright-holder 'The indico-plugin-oewg authors' -o "$DIR/messages.pot" .
for locale in fr_FR; do
    if [[ -f $DIR/$locale/LC_MESSAGES/messages.po ]]; then
        "$VENV/bin/pybabel" update -N --no-wrap --ignore-obsolete -i "$DIR/messages.pot" -d "$DIR" -l "$locale"
    else
        "$VENV/bin/pybabel" init --no-wrap -i "$DIR/messages.pot" -d "$DIR" -l "$locale"
    fi
done
"$VENV/bin/pybabel" compile -d "$DIR"
log "Catalogues updated in $DIR"
