# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Checking uploaded statement files by their content, and extracting their text for search."""

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from indico.core.settings import SettingsProxy

from indico_oewg import _
from indico_oewg.statements.models.files import LANGUAGE_ORDER


#: Global settings of the statements archive (Indico administrators)
statements_settings = SettingsProxy('plugin_oewg_statements', {
    'max_file_size_mb': 20,
})

PDF_TYPE = 'application/pdf'
DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
_WORD_NS = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


class StatementFileError(ValueError):
    """An uploaded file that cannot be accepted; the message says why."""


@dataclass
class CheckedFile:
    """An upload that passed the checks, ready to be stored."""

    language: str
    filename: str
    content_type: str
    data: bytes
    text: str


def max_file_size():
    return int(statements_settings.get('max_file_size_mb')) * 1024 * 1024


def _pdf_text(data):
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    return '\n'.join((page.extract_text() or '') for page in reader.pages)


def _docx_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = ElementTree.fromstring(zf.read('word/document.xml'))
    paragraphs = []
    for para in root.iter(f'{_WORD_NS}p'):
        paragraphs.append(''.join(node.text or '' for node in para.iter(f'{_WORD_NS}t')))
    return '\n'.join(paragraphs)


def _is_docx(data):
    if not data.startswith(b'PK\x03\x04'):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        return False
    return '[Content_Types].xml' in names and 'word/document.xml' in names


def check_file(filename, data, language):
    """Check an upload by its content (PDF or DOCX), size and language; return a `CheckedFile`.

    :raise StatementFileError: with a message naming the file and what is wrong with it
    """
    filename = (filename or '').strip() or 'statement'
    if language not in LANGUAGE_ORDER:
        raise StatementFileError(_('"{name}": unknown language "{language}".').format(name=filename,
                                                                                     language=language))
    if not data:
        raise StatementFileError(_('"{name}" is empty.').format(name=filename))
    if len(data) > max_file_size():
        raise StatementFileError(_('"{name}" is larger than the limit of {limit} MB.')
                                 .format(name=filename, limit=statements_settings.get('max_file_size_mb')))
    # PDF readers accept the header anywhere in the first kilobyte
    if b'%PDF-' in data[:1024]:
        try:
            text = _pdf_text(data)
        except Exception as exc:  # pypdf raises many kinds of errors on broken files
            raise StatementFileError(_('"{name}" claims to be a PDF but cannot be read.').format(name=filename)) \
                from exc
        return CheckedFile(language, _with_extension(filename, 'pdf'), PDF_TYPE, data, _clean(text))
    if _is_docx(data):
        try:
            text = _docx_text(data)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
            raise StatementFileError(_('"{name}" claims to be a Word document but cannot be read.')
                                     .format(name=filename)) from exc
        return CheckedFile(language, _with_extension(filename, 'docx'), DOCX_TYPE, data, _clean(text))
    raise StatementFileError(_('"{name}" is neither a PDF nor a Word (DOCX) document.').format(name=filename))


def _with_extension(filename, ext):
    """Give the stored file the extension matching its content, so it opens with the right program."""
    if filename.lower().endswith('.' + ext):
        return filename
    return re.sub(r'\.[A-Za-z0-9]{1,5}$', '', filename) + '.' + ext


def _clean(text):
    # NUL bytes cannot be stored in PostgreSQL text columns
    return re.sub(r'[ \t]+', ' ', text.replace('\x00', '')).strip()
