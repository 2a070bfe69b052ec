# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The demo's WSGI entry point for uWSGI (what ``indico.wsgi`` is in a real installation).

It differs from Indico's in one thing: the demo's mail domain passes Indico's e-mail check offline
(``demo/maildomain.py``); INDICO_CONFIG comes from uWSGI's ``env``.
"""

import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo.maildomain import install


install()

from indico.web.flask.app import make_app  # noqa: E402


application = make_app()
