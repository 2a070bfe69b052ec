# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The demo's WSGI entry point for uWSGI (what ``indico.wsgi`` is in a real installation).

It differs from Indico's in one thing: the demo's mail domain passes Indico's e-mail check offline
(``demo/maildomain.py``). INDICO_CONFIG comes from the environment or from ``env`` in ``uwsgi.ini``.
"""

import os
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

try:
    import uwsgi
except ImportError:  # not under uWSGI
    uwsgi = None
if uwsgi is not None:
    # pyuwsgi (uWSGI as a Python program) sets the ini's "env" in the C environment only, after Python has read
    # os.environ: without this, `uwsgi --ini uwsgi.ini` alone would not find indico.conf
    entries = uwsgi.opt.get('env') or []
    for entry in entries if isinstance(entries, list) else [entries]:
        key, __, value = entry.decode().partition('=')
        os.environ.setdefault(key, value)

from demo.maildomain import install


install()

from indico.web.flask.app import make_app  # noqa: E402


application = make_app()
