# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.cli.core import cli_group


@cli_group(name='oewg')
def cli():
    """Manage the OEWG plugin."""


# Statements: `indico oewg import-statements` (the command lives in indico_oewg/statements/cli.py)
from indico_oewg.statements.cli import import_statements_command  # noqa: E402


import_statements_command(cli)
