# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Bulk import of statements from a CSV file (with the files next to it, or in a ZIP together with it).

Every row is checked first; when any row is bad nothing is imported and the report names each bad line.
"""

import csv
import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from indico.core.db import db
from indico.modules.logs import LogKind

from indico_oewg import _
from indico_oewg.statements.files import StatementFileError, check_file
from indico_oewg.statements.models.files import LANGUAGE_LABELS, LANGUAGE_ORDER
from indico_oewg.statements.models.statements import DeliveryStatus, StatementStatus
from indico_oewg.statements.operations import _log, create_agenda_item, create_statement
from indico_oewg.statements.util import StatementError, parse_joining_states, resolve_delegation


COLUMNS = ('agenda_item', 'position', 'delegation', 'on_behalf_of', 'date', 'meeting', 'language', 'file', 'title',
           'delivery_status')
REQUIRED_COLUMNS = ('agenda_item', 'position', 'delegation')
_LANGUAGE_NAMES = {label.casefold(): code for code, label in LANGUAGE_LABELS.items()} | {
    'english': 'en', 'french': 'fr', 'spanish': 'es', 'russian': 'ru', 'chinese': 'zh', 'arabic': 'ar',
    'other': 'other'}
_DELIVERY = {'': DeliveryStatus.not_indicated, 'check against delivery': DeliveryStatus.check_against_delivery,
             'as delivered': DeliveryStatus.as_delivered}


@dataclass
class _PlannedStatement:
    line: int
    agenda_item: str
    position: int
    data: dict
    uploads: list = field(default_factory=list)


@dataclass
class ImportReport:
    errors: list = field(default_factory=list)  # (line, message)
    statements: int = 0
    files: int = 0
    new_agenda_items: list = field(default_factory=list)
    imported: bool = False

    @property
    def ok(self):
        return not self.errors


def _parse_date(text):
    text = text.strip()
    if not text:
        return None
    for fmt in ('%Y-%m-%d', '%d %B %Y', '%d/%m/%Y'):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise StatementError(_('"{text}" is not a date (use YYYY-MM-DD).').format(text=text))


def _parse_language(text):
    text = text.strip()
    if text.lower() in LANGUAGE_ORDER:
        return text.lower()
    if code := _LANGUAGE_NAMES.get(text.casefold()):
        return code
    raise StatementError(_('Unknown language "{text}" (use ar, zh, en, fr, ru, es or other).').format(text=text))


def _split_group(text):
    """``on_behalf_of`` is a group, optionally followed by the joining States: ``multiple States: AUS, JPN``."""
    group, sep, states = text.partition(':')
    if sep and states.strip():
        return group.strip(), parse_joining_states(states)
    return text.strip(), []


def plan_import(event, csv_bytes, read_file):
    """Check every row of a CSV; return ``(report, planned statements)``.

    :param read_file: callable ``name -> bytes`` (raises `FileNotFoundError` / `KeyError` when missing)
    """
    report = ImportReport()
    try:
        text = csv_bytes.decode('utf-8-sig')
    except UnicodeDecodeError:
        report.errors.append((1, _('The CSV file must be UTF-8 encoded.')))
        return report, []
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        if missing:
            report.errors.append((1, _('Missing columns: {names}.').format(names=', '.join(missing))))
        if unknown:
            report.errors.append((1, _('Unknown columns: {names}.').format(names=', '.join(unknown))))
        return report, []
    existing_items = {item.title.casefold(): item for item in event.oewg_agenda_items}
    taken = {(item.title.casefold(), s.position): s for item in event.oewg_agenda_items for s in item.statements}
    planned = {}
    for line, raw in enumerate(reader, 2):
        row = {key.strip(): (value or '').strip() for key, value in raw.items() if key}
        if not any(row.values()):
            continue
        problems = []
        agenda_item = row.get('agenda_item', '')
        if not agenda_item:
            problems.append(_('agenda_item is empty.'))
        position = None
        try:
            position = int(row.get('position', ''))
            if position < 1:
                raise ValueError
        except ValueError:
            problems.append(_('position must be a whole number of 1 or more.'))
        data = {}
        for key, parse in (('delegation', lambda v: resolve_delegation(v, event)),
                           ('date', _parse_date)):
            try:
                data[key] = parse(row.get(key, ''))
            except StatementError as exc:
                problems.append(str(exc))
        try:
            data['on_behalf_of'], data['joining_states'] = _split_group(row.get('on_behalf_of', ''))
        except StatementError as exc:
            problems.append(str(exc))
        delivery = row.get('delivery_status', '').casefold()
        if delivery not in _DELIVERY:
            problems.append(_('delivery_status must be empty, "check against delivery" or "as delivered".'))
        data['delivery_status'] = _DELIVERY.get(delivery)
        data['meeting'] = row.get('meeting', '')
        data['title'] = row.get('title', '')
        upload = None
        if row.get('file'):
            try:
                language = _parse_language(row.get('language', ''))
                content = read_file(row['file'])
                checked = check_file(posixpath.basename(row['file']), content, language)
                upload = (language, checked.filename, content)
            except (StatementError, StatementFileError) as exc:
                problems.append(str(exc))
            except (FileNotFoundError, KeyError, IsADirectoryError):
                problems.append(_('File "{name}" not found.').format(name=row['file']))
        elif row.get('language'):
            problems.append(_('language is given but file is empty.'))
        if not problems and agenda_item and position:
            key = (agenda_item.casefold(), position)
            if key in taken:
                problems.append(_('Position {position} under "{item}" is already taken by "{other}".')
                                .format(position=position, item=agenda_item, other=taken[key].heading))
            elif key in planned:
                # another language version of a statement of an earlier row
                plan = planned[key]
                if plan.data['delegation'] != data['delegation']:
                    problems.append(_('Position {position} under "{item}" is used by line {other} for another '
                                      'delegation.').format(position=position, item=agenda_item, other=plan.line))
                elif upload and upload[0] in {u[0] for u in plan.uploads}:
                    problems.append(_('A second file in {language} for the statement of line {other}.')
                                    .format(language=upload[0], other=plan.line))
                elif upload:
                    plan.uploads.append(upload)
            else:
                planned[key] = _PlannedStatement(line, agenda_item, position, dict(data, position=position),
                                                 [upload] if upload else [])
        for problem in problems:
            report.errors.append((line, problem))
    if not planned and not report.errors:
        report.errors.append((1, _('The CSV file has no rows.')))
    plans = list(planned.values())
    report.statements = len(plans)
    report.files = sum(len(plan.uploads) for plan in plans)
    seen = set()
    for plan in plans:
        if plan.agenda_item.casefold() not in existing_items and plan.agenda_item.casefold() not in seen:
            seen.add(plan.agenda_item.casefold())
            report.new_agenda_items.append(plan.agenda_item)
    return report, plans


def run_import(event, csv_bytes, read_file, *, dry_run=False, publish=False, user=None):
    """Check, then (unless a dry run or any row is bad) import; return the `ImportReport`."""
    report, plans = plan_import(event, csv_bytes, read_file)
    if not report.ok or dry_run:
        return report
    items = {item.title.casefold(): item for item in event.oewg_agenda_items}
    status = StatementStatus.published if publish else StatementStatus.unpublished
    for plan in plans:
        item = items.get(plan.agenda_item.casefold())
        if item is None:
            item = items[plan.agenda_item.casefold()] = create_agenda_item(event, plan.agenda_item, user=user)
        create_statement(event, item, plan.data, plan.uploads, status=status, user=user, log=False)
    db.session.flush()
    _log(event, LogKind.positive, f'{report.statements} statements imported', user,
         data={'Statements': report.statements, 'Files': report.files,
               'New agenda items': ', '.join(report.new_agenda_items) or '—',
               'Published': 'yes' if publish else 'no'})
    report.imported = True
    return report


def import_from_zip(event, zip_bytes, **kwargs):
    """Import from a ZIP with one CSV file and the statement files (paths in the CSV relative to the CSV)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
    except zipfile.BadZipFile:
        report = ImportReport()
        report.errors.append((0, _('The upload is not a ZIP file.')))
        return report
    with archive:
        csv_names = [name for name in archive.namelist()
                     if name.lower().endswith('.csv') and not name.startswith('__MACOSX/')]
        if len(csv_names) != 1:
            report = ImportReport()
            report.errors.append((0, _('The ZIP file must contain exactly one CSV file (it has {n}).')
                                  .format(n=len(csv_names))))
            return report
        base = posixpath.dirname(csv_names[0])

        def read_file(name):
            return archive.read(posixpath.normpath(posixpath.join(base, name)))

        return run_import(event, archive.read(csv_names[0]), read_file, **kwargs)


def import_from_csv_path(event, path, **kwargs):
    """Import from a CSV file on disk; file paths in it are relative to its folder."""
    path = Path(path)
    base = path.parent.resolve()

    def read_file(name):
        target = (base / name).resolve()
        if not target.is_relative_to(base):
            raise FileNotFoundError(name)
        return target.read_bytes()

    return run_import(event, path.read_bytes(), read_file, **kwargs)
