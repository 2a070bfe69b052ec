# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import sys

import click

from indico.core.db import db
from indico.modules.events.models.events import Event

from indico_oewg.statements.importer import import_from_csv_path, import_from_zip
from indico_oewg.working_groups.util import is_session


def _count(n, noun):
    """E.g. "1 statement", "2 statements" (the command speaks English only)."""
    return f'{n} {noun}' if n == 1 else f'{n} {noun}s'


def import_statements_command(cli):
    """Register ``indico oewg import-statements`` on the plugin's command group."""

    @cli.command('import-statements')
    @click.argument('event_id', type=int)
    @click.argument('file', type=click.Path(exists=True, dir_okay=False))
    @click.option('--dry-run', is_flag=True, help='Check every row and print the report; import nothing.')
    @click.option('--publish', is_flag=True, help='Publish the imported statements right away.')
    def import_statements(event_id, file, dry_run, publish):
        """Import the statements of a session from a CSV file (files relative to it) or a ZIP (CSV + files).

        Columns: agenda_item, position, delegation, on_behalf_of, date, meeting, language, file, title,
        delivery_status (see README). Nothing is imported when any row is bad.
        """
        event = Event.get(event_id, is_deleted=False)
        if event is None or not is_session(event):
            click.secho(f'Event {event_id} does not exist or is not an OEWG session.', fg='red')
            sys.exit(1)
        if file.lower().endswith('.zip'):
            with open(file, 'rb') as f:
                report = import_from_zip(event, f, dry_run=dry_run, publish=publish)
        else:
            report = import_from_csv_path(event, file, dry_run=dry_run, publish=publish)
        for line, message in report.errors:
            click.secho(f'line {line}: {message}' if line else message, fg='red')
        if not report.ok:
            db.session.rollback()
            click.secho(f'{_count(len(report.errors), "problem")}; nothing imported.', fg='red', bold=True)
            sys.exit(1)
        summary = f'{_count(report.statements, "statement")} with {_count(report.files, "file")}'
        if report.new_agenda_items:
            summary += f'; new agenda items: {", ".join(report.new_agenda_items)}'
        if dry_run:
            click.secho(f'Dry run: all rows are valid ({summary}); nothing imported.', fg='yellow')
            db.session.rollback()
            return
        db.session.commit()
        click.secho(f'Imported {summary}.', fg='green')

    return import_statements
