# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Checking uploaded statement files by their content, and extracting their text for search."""

import io
import re
import zipfile
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml.etree import XMLSyntaxError

from indico.util.fs import secure_client_filename

from indico_oewg import _
from indico_oewg.documents import DOCX_MIMETYPE, PDF_HEADER_WINDOW, open_pdf
from indico_oewg.statements.models.files import LANGUAGE_ORDER


PDF_TYPE = 'application/pdf'
DOCX_TYPE = DOCX_MIMETYPE


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


def max_file_size_mb():
    """The largest statement file in MB: the plugin's setting, which administrators change in Indico's
    administration (*Plugins* → *Open-ended working groups*).
    """
    from indico_oewg.plugin import OEWGPlugin
    return OEWGPlugin.settings.get('statement_max_file_size_mb')


def _docx_text(data):
    # python-docx's parser, which resolves no entities (an uploaded file is untrusted XML)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = parse_xml(zf.read('word/document.xml'))
    return '\n'.join(''.join(node.text or '' for node in para.iter(qn('w:t'))) for para in root.iter(qn('w:p')))


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
    """Check an upload by its content (PDF or DOCX), size and language; return a `CheckedFile` with a safe name.

    The name is made safe as Indico does for attachments (no path separators or control characters: a file named
    ``../../x.pdf`` is stored as ``.._.._x.pdf``) and given the extension of its content.

    :raise StatementFileError: with a message naming the file and what is wrong with it
    """
    filename = secure_client_filename((filename or '').strip(), 'statement')
    if language not in LANGUAGE_ORDER:
        raise StatementFileError(_('"{name}": unknown language "{language}".').format(name=filename,
                                                                                     language=language))
    if not data:
        raise StatementFileError(_('"{name}" is empty.').format(name=filename))
    limit = max_file_size_mb()
    if len(data) > limit * 1024 * 1024:
        raise StatementFileError(_('"{name}" is larger than the limit of {limit} MB.').format(name=filename,
                                                                                             limit=limit))
    if b'%PDF-' in data[:PDF_HEADER_WINDOW]:
        reader = open_pdf(data)
        try:
            text = '\n'.join((page.extract_text() or '') for page in reader.pages) if reader else None
        except Exception:
            text = None
        if text is None:
            raise StatementFileError(_('"{name}" claims to be a PDF but cannot be read.').format(name=filename))
        return CheckedFile(language, _with_extension(filename, 'pdf'), PDF_TYPE, data, _clean(text))
    if _is_docx(data):
        try:
            text = _docx_text(data)
        except (KeyError, XMLSyntaxError, zipfile.BadZipFile) as exc:
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
