# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Bulk import of statements from a CSV file (with the files next to it, or in a ZIP together with it).

Every row is checked first, by the rules the forms apply; when any row is bad nothing is imported and the report
names each bad line. Files are read one at a time and never beyond the size limit (a ZIP bomb costs no more memory
than a small file), and read again when stored, so the plan holds no file contents.
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
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.files import StatementFileError, check_file, max_file_size_mb
from indico_oewg.statements.models.files import LANGUAGE_LABELS, LANGUAGE_ORDER
from indico_oewg.statements.models.statements import DeliveryStatus, StatementMode, StatementStatus
from indico_oewg.statements.operations import check_agenda_item_title, check_statement_data, create_agenda_item, \
    create_statement
from indico_oewg.statements.parsing import parse_joining_states, resolve_delegation
from indico_oewg.util import log_event


COLUMNS = ('agenda_item', 'position', 'delegation', 'on_behalf_of', 'date', 'meeting', 'language', 'file', 'title',
           'delivery_status', 'mode')
REQUIRED_COLUMNS = ('agenda_item', 'position', 'delegation')
#: The largest CSV file read (some thousand statements take a few hundred kB)
MAX_CSV_SIZE = 10 * 1024 * 1024
_LANGUAGE_NAMES = {label.casefold(): code for code, label in LANGUAGE_LABELS.items()} | {
    'english': 'en', 'french': 'fr', 'spanish': 'es', 'russian': 'ru', 'chinese': 'zh', 'arabic': 'ar',
    'other': 'other'}
_DELIVERY = {'': DeliveryStatus.not_indicated, 'check against delivery': DeliveryStatus.check_against_delivery,
             'as delivered': DeliveryStatus.as_delivered}
_MODES = {'': StatementMode.oral, 'oral': StatementMode.oral, 'delivered': StatementMode.oral,
          'written': StatementMode.written, 'written contribution': StatementMode.written}


class FileTooLarge(Exception):
    """A file of the import is larger than it may be (its declared or its actual size)."""


def read_bounded(fileobj, limit):
    """Read a file object in chunks, never holding more than ``limit`` + 1 bytes.

    :raise FileTooLarge: as soon as it turns out larger than ``limit``
    """
    chunks = []
    size = 0
    while chunk := fileobj.read(min(64 * 1024, limit + 1 - size)):
        size += len(chunk)
        if size > limit:
            raise FileTooLarge
        chunks.append(chunk)
    return b''.join(chunks)


@dataclass
class _PlannedStatement:
    line: int
    agenda_item: str
    data: dict
    #: ``(language, file name in the CSV)``: read again when stored
    files: list = field(default_factory=list)


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


# --- one row -------------------------------------------------------------------------------------------------------

def _parse_date(text):
    if not text:
        return None
    for fmt in ('%Y-%m-%d', '%d %B %Y', '%d/%m/%Y'):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise StatementError(_('"{text}" is not a date (use YYYY-MM-DD).').format(text=text))


def _parse_language(text):
    if text.lower() in LANGUAGE_ORDER:
        return text.lower()
    if code := _LANGUAGE_NAMES.get(text.casefold()):
        return code
    raise StatementError(_('Unknown language "{text}" (use ar, zh, en, fr, ru, es or other).').format(text=text))


def _parse_position(text):
    try:
        position = int(text)
    except ValueError:
        position = 0
    if position < 1:
        raise StatementError(_('position must be a whole number of 1 or more.'))
    return position


def _split_group(text):
    """``on_behalf_of`` is a group, optionally followed by the joining States: ``multiple States: AUS, JPN`` (the
    colon may be the Chinese fullwidth one: ``多个国家\uff1a澳大利亚、日本``).
    """
    group, sep, states = text.replace('\uff1a', ':').partition(':')
    if sep and states.strip():
        return group.strip(), parse_joining_states(states)
    return text.strip(), []


def _check_file(row, read_file):
    """``(language, name in the CSV)`` of the row's file, checked by content and size; ``None`` without one."""
    name = row.get('file', '')
    if not name:
        if row.get('language'):
            raise StatementError(_('language is given but file is empty.'))
        return None
    language = _parse_language(row.get('language', ''))
    try:
        content = read_file(name)
    except FileTooLarge:
        raise StatementError(_('"{name}" is larger than the limit of {limit} MB.')
                             .format(name=name, limit=max_file_size_mb())) from None
    except (FileNotFoundError, KeyError, IsADirectoryError):
        raise StatementError(_('File "{name}" not found.').format(name=name)) from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise StatementError(_('File "{name}" cannot be read from the ZIP file.').format(name=name)) from None
    try:
        check_file(posixpath.basename(name), content, language)
    except StatementFileError as exc:
        raise StatementError(str(exc)) from exc
    return language, name


def _parse_row(row, event, read_file):
    """The statement data of a row (as the forms check it) and its file; ``problems`` lists what is wrong."""
    problems = []
    data = {}

    def parse(key, parser):
        try:
            data[key] = parser(row.get(key, ''))
        except StatementError as exc:
            problems.append(str(exc))

    parse('agenda_item', lambda text: check_agenda_item_title(event, text, item=_existing_item(event, text)))
    parse('position', _parse_position)
    parse('delegation', lambda text: resolve_delegation(text, event))
    parse('date', _parse_date)
    parse('on_behalf_of', _split_group)
    if 'on_behalf_of' in data:
        data['on_behalf_of'], data['joining_states'] = data['on_behalf_of']
    if (delivery := row.get('delivery_status', '').casefold()) not in _DELIVERY:
        problems.append(_('delivery_status must be empty, "check against delivery" or "as delivered".'))
    data['delivery_status'] = _DELIVERY.get(delivery)
    if (mode := row.get('mode', '').casefold()) not in _MODES:
        problems.append(_('mode must be empty, "oral" or "written".'))
    data['mode'] = _MODES.get(mode, StatementMode.oral)
    data['meeting'] = row.get('meeting', '')
    data['title'] = row.get('title', '')
    if not problems:
        try:
            data = check_statement_data(data)
        except StatementError as exc:
            problems.append(str(exc))
    file = None
    try:
        file = _check_file(row, read_file)
    except StatementError as exc:
        problems.append(str(exc))
    return data, file, problems


def _existing_item(event, title):
    # an agenda item the session has already (its title is no duplicate then)
    folded = (title or '').strip().casefold()
    return next((item for item in event.oewg_agenda_items if item.title.casefold() == folded), None)


# --- the whole file ------------------------------------------------------------------------------------------------

def _read_header(reader, report):
    """Check the CSV's columns; ``False`` (with the problems in the report) if they will not do."""
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing:
        report.errors.append((1, _('Missing columns: {names}.').format(names=', '.join(missing))))
    if unknown:
        report.errors.append((1, _('Unknown columns: {names}.').format(names=', '.join(unknown))))
    return not missing and not unknown


def _read_rows(reader):
    """``(line, row)`` for each non-empty row, values stripped; ``(line, None)`` for a row with a NUL byte."""
    for line, raw in enumerate(reader, 2):
        row = {key.strip(): (value or '').strip() for key, value in raw.items() if key}
        if any('\x00' in value for value in row.values()):
            yield line, None
        elif any(row.values()):
            yield line, row


def _place(plans, taken, line, data, file):
    """Put a checked row in its place: a new statement, another language version of an earlier row's statement,
    or a problem (a place already taken).
    """
    key = (data['agenda_item'].casefold(), data['mode'], data['position'])
    if key in taken:
        return _('Position {position} under "{item}" is already taken by "{other}".').format(
            position=data['position'], item=data['agenda_item'], other=taken[key].heading)
    if key not in plans:
        plans[key] = _PlannedStatement(line, data['agenda_item'], data, [file] if file else [])
        return None
    plan = plans[key]
    if plan.data['delegation'] != data['delegation']:
        return _('Position {position} under "{item}" is used by line {other} for another delegation.').format(
            position=data['position'], item=data['agenda_item'], other=plan.line)
    if file and file[0] in {language for language, __ in plan.files}:
        return _('A second file in {language} for the statement of line {other}.').format(language=file[0],
                                                                                          other=plan.line)
    if file:
        plan.files.append(file)
    return None


def plan_import(event, csv_bytes, read_file):
    """Check every row of a CSV; return ``(report, planned statements)``.

    :param read_file: callable ``name -> bytes`` (raises `FileNotFoundError` / `KeyError` when missing,
                      `FileTooLarge` when over the limit)
    """
    report = ImportReport()
    try:
        text = csv_bytes.decode('utf-8-sig')
    except UnicodeDecodeError:
        report.errors.append((1, _('The CSV file must be UTF-8 encoded.')))
        return report, []
    reader = csv.DictReader(io.StringIO(text))
    if '\x00' in ''.join(reader.fieldnames or []):
        report.errors.append((1, _('The line contains a NUL character.')))
        return report, []
    if not _read_header(reader, report):
        return report, []
    taken = {(item.title.casefold(), s.mode, s.position): s for item in event.oewg_agenda_items
             for s in item.statements}
    plans = {}
    for line, row in _read_rows(reader):
        if row is None:
            report.errors.append((line, _('The line contains a NUL character.')))
            continue
        data, file, problems = _parse_row(row, event, read_file)
        if not problems:
            problems = filter(None, [_place(plans, taken, line, data, file)])
        report.errors.extend((line, problem) for problem in problems)
    if not plans and not report.errors:
        report.errors.append((1, _('The CSV file has no rows.')))
    plans = list(plans.values())
    report.statements = len(plans)
    report.files = sum(len(plan.files) for plan in plans)
    known = {item.title.casefold() for item in event.oewg_agenda_items}
    for plan in plans:
        if plan.agenda_item.casefold() not in known:
            known.add(plan.agenda_item.casefold())
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
        uploads = [(language, posixpath.basename(name), read_file(name)) for language, name in plan.files]
        create_statement(event, item, plan.data, uploads, status=status, user=user, log=False)
    db.session.flush()
    log_event(event, LogKind.positive, f'{report.statements} statements imported', user,
              data={'Statements': report.statements, 'Files': report.files,
                    'New agenda items': ', '.join(report.new_agenda_items) or '—',
                    'Published': 'yes' if publish else 'no'})
    report.imported = True
    return report


def _error_report(message):
    report = ImportReport()
    report.errors.append((0, message))
    return report


def import_from_zip(event, zip_file, **kwargs):
    """Import from a ZIP with one CSV file and the statement files (paths in the CSV relative to the CSV).

    :param zip_file: a seekable file object (an upload is spooled to disk) or bytes; it is never read whole
    """
    if isinstance(zip_file, bytes):
        zip_file = io.BytesIO(zip_file)
    try:
        archive = zipfile.ZipFile(zip_file)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return _error_report(_('The upload is not a ZIP file.'))
    limit = max_file_size_mb() * 1024 * 1024
    with archive:
        csv_names = [name for name in archive.namelist()
                     if name.lower().endswith('.csv') and not name.startswith('__MACOSX/')]
        if len(csv_names) != 1:
            return _error_report(_('The ZIP file must contain exactly one CSV file (it has {n}).')
                                 .format(n=len(csv_names)))
        base = posixpath.dirname(csv_names[0])

        def read_entry(name, limit=limit):
            info = archive.getinfo(name)
            if info.file_size > limit:  # what the ZIP declares, before anything is decompressed
                raise FileTooLarge
            with archive.open(info) as f:  # and what it really holds, while decompressing
                return read_bounded(f, limit)

        try:
            csv_bytes = read_entry(csv_names[0], MAX_CSV_SIZE)
        except FileTooLarge:
            return _error_report(_('The CSV file is larger than {limit} MB.').format(limit=MAX_CSV_SIZE // 2**20))
        except (zipfile.BadZipFile, OSError, EOFError):
            return _error_report(_('The CSV file cannot be read from the ZIP file.'))
        return run_import(event, csv_bytes, lambda name: read_entry(posixpath.normpath(posixpath.join(base, name))),
                          **kwargs)


def import_from_csv(event, csv_file, **kwargs):
    """Import from a CSV file alone (file object or bytes): its rows may not name files."""
    data = csv_file if isinstance(csv_file, bytes) else None
    if data is None:
        try:
            data = read_bounded(csv_file, MAX_CSV_SIZE)
        except FileTooLarge:
            return _error_report(_('The CSV file is larger than {limit} MB.').format(limit=MAX_CSV_SIZE // 2**20))

    def read_file(name):
        raise FileNotFoundError(name)

    return run_import(event, data, read_file, **kwargs)


def import_from_csv_path(event, path, **kwargs):
    """Import from a CSV file on disk; file paths in it are relative to its folder."""
    path = Path(path)
    base = path.parent.resolve()
    limit = max_file_size_mb() * 1024 * 1024

    def read_file(name):
        target = (base / name).resolve()
        if not target.is_relative_to(base):
            raise FileNotFoundError(name)
        with target.open('rb') as f:
            return read_bounded(f, limit)

    with path.open('rb') as f:
        try:
            csv_bytes = read_bounded(f, MAX_CSV_SIZE)
        except FileTooLarge:
            return _error_report(_('The CSV file is larger than {limit} MB.').format(limit=MAX_CSV_SIZE // 2**20))
    return run_import(event, csv_bytes, read_file, **kwargs)
