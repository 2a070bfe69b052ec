#!/usr/bin/env bash
# `make i18n`: extract the plugin's strings, update every catalogue (creating the French ones), compile them.
#
# Two catalogues per language, as Indico expects of a plugin (indico/cli/i18n.py, indico/web/assets/vars_js.py):
# - messages.po (Python code and Jinja templates, extracted with pybabel) -> messages.mo, read by gettext;
# - messages-react.po (the React field in client/, extracted with Indico's react-jsx-i18n) -> messages-react.json,
#   which Indico serves in /assets/i18n/<locale>-react.js as window.REACT_TRANSLATIONS.oewg, the domain that
#   client/i18n.js binds its Translate to.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_venv
command -v npm >/dev/null 2>&1 ||
    die "Node.js and npm are needed to extract the JavaScript strings (apt-get install nodejs npm)."
if [[ ! -x node_modules/.bin/react-jsx-i18n || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "Installing the pinned JavaScript tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
fi

DIR=indico_oewg/translations
LOCALES=(fr_FR es_ES zh_Hans_CN)
HEADER=(--project indico-plugin-oewg --copyright-holder 'The indico-plugin-oewg authors')

# update_catalogues DOMAIN: merge $DIR/DOMAIN.pot into each locale's DOMAIN.po (created when missing)
update_catalogues() {
    local domain=$1 locale
    for locale in "${LOCALES[@]}"; do
        if [[ -f $DIR/$locale/LC_MESSAGES/$domain.po ]]; then
            "$VENV/bin/pybabel" update -N --no-wrap --ignore-obsolete -D "$domain" -i "$DIR/$domain.pot" \
                -d "$DIR" -l "$locale"
        else
            "$VENV/bin/pybabel" init --no-wrap -D "$domain" -i "$DIR/$domain.pot" -d "$DIR" -l "$locale"
        fi
    done
}

# --- Python and Jinja templates ---------------------------------------------------------------------------------
"$VENV/bin/pybabel" extract -F babel.cfg -k _ -k N_ -k L_ --sort-by-file --no-wrap "${HEADER[@]}" \
    -o "$DIR/messages.pot" .
update_catalogues messages
"$VENV/bin/pybabel" compile --statistics -D messages -d "$DIR"

# --- React (client/) --------------------------------------------------------------------------------------------
# react-jsx-i18n finds Translate/PluralTranslate (components and .string) as Indico's `indico i18n extract plugin
# --react` does; its template is then rewritten by Babel so that it has the same header and layout as messages.pot.
node_modules/.bin/react-jsx-i18n extract --ext js,jsx --base "$ROOT" --add-location file client \
    >"$DIR/messages-react.pot.tmp"
"$PY" - "$DIR/messages-react.pot.tmp" "$DIR/messages-react.pot" <<'PY'
import sys
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

source, target = sys.argv[1:]
with open(source, 'rb') as f:
    extracted = read_po(f)
catalog = Catalog(project='indico-plugin-oewg', copyright_holder='The indico-plugin-oewg authors',
                  msgid_bugs_address='EMAIL@ADDRESS', charset='utf-8', fuzzy=False)
for message in extracted:
    if message.id:
        catalog.add(message.id, locations=message.locations, flags=message.flags,
                    auto_comments=message.auto_comments, context=message.context)
with open(target, 'wb') as f:
    write_po(f, catalog, width=0, sort_by_file=True)
PY
rm -f "$DIR/messages-react.pot.tmp"
update_catalogues messages-react
# Compiled like the .mo files: untranslated and fuzzy entries are left out (react-jsx-i18n would keep them).
for locale in "${LOCALES[@]}"; do
    po=$DIR/$locale/LC_MESSAGES/messages-react.po
    json=${po%.po}.json
    "$PY" - "$po" "$po.tmp" <<'PY'
import sys
from babel.messages.pofile import read_po, write_po

source, target = sys.argv[1:]
with open(source, 'rb') as f:
    catalog = read_po(f)
for message in list(catalog):
    forms = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    if message.id and (message.fuzzy or not all(forms)):
        catalog.delete(message.id, context=message.context)
with open(target, 'wb') as f:
    write_po(f, catalog, width=0)
PY
    node_modules/.bin/react-jsx-i18n compile "$po.tmp" >"$json.tmp"
    rm -f "$po.tmp"
    "$PY" -c 'import json, sys; json.load(open(sys.argv[1]))' "$json.tmp"  # valid JSON, as Indico checks
    mv "$json.tmp" "$json"
    log "Compiled $po to $json"
done

log "Catalogues updated in $DIR"
