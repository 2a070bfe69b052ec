# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Documents every capability makes or receives the same way: PDF (WeasyPrint), Word (python-docx), PDF uploads,
and the dates of a session as documents print them.
"""

import re
from io import BytesIO

from babel import Locale
from babel.dates import format_date as babel_format_date
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from indico.util.i18n import get_current_locale


#: PDF readers accept the header anywhere in the first kilobyte of a file
PDF_HEADER_WINDOW = 1024
PAGE_CSS = '@page { size: A4; margin: 2cm; }'


def _fetch_nothing_external():
    # Documents are built from the plugin's own templates and what users typed: nothing may make the server fetch a
    # URL (an <img src="http://..."> in a name must not reach the network or the file system). Inline data only.
    # (WeasyPrint 70, which Indico 3.3.14 pins, takes a `URLFetcher`; it refuses other protocols with a warning.)
    return URLFetcher(allowed_protocols={'data'}, allow_redirects=False)


def render_pdf(html, css=''):
    """A PDF (``BytesIO``) of an HTML page, on A4 with 2 cm margins unless the CSS says otherwise."""
    stylesheets = [CSS(string=PAGE_CSS + css, url_fetcher=_fetch_nothing_external())]
    buf = BytesIO()
    HTML(string=html, url_fetcher=_fetch_nothing_external()).write_pdf(buf, stylesheets=stylesheets)
    buf.seek(0)
    return buf


class WordDocument:
    """A Word document for the secretariat to edit before issuing it: centred title lines, headings, paragraphs."""

    def __init__(self, *, font='Times New Roman', size=11):
        self.document = Document()
        style = self.document.styles['Normal']
        style.font.name = font
        style.font.size = Pt(size)

    def centred(self, text):
        self.document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def right(self, text):
        self.document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def heading(self, text, level=1):
        self.document.add_heading(text, level=level)

    def paragraph(self, text):
        self.document.add_paragraph(text)

    def numbered(self, items, empty_text):
        """Numbered lines ("1. …"), or one line saying there is nothing."""
        if not items:
            self.paragraph(empty_text)
        for number, text in enumerate(items, 1):
            self.paragraph(f'{number}. {text}')

    def save(self):
        """The document as ``BytesIO``."""
        buf = BytesIO()
        self.document.save(buf)
        buf.seek(0)
        return buf


DOCX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'


def open_pdf(data):
    """A `PdfReader` if the bytes are a readable PDF with at least one page (its content decides, not its name),
    else ``None``.
    """
    if b'%PDF-' not in data[:PDF_HEADER_WINDOW]:
        return None
    try:
        reader = PdfReader(BytesIO(data))
        return reader if len(reader.pages) > 0 else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        return None


def is_pdf(data):
    return open_pdf(data) is not None


def _months_written_out(pattern):
    # CLDR's interval patterns stop at abbreviated months ("MMM": "28 Aug – 1 Sept 2023"; Babel's yMMMMd falls
    # back to them): write the months out, and use plain spaces around the dash rather than thin ones.
    return re.sub(r'(?<![ML])([ML])\1\1(?![ML])', r'\1\1\1\1', pattern).replace('\u2009', ' ')


def format_session_dates(event, locale=None):
    """The days of a session as UN documents print them: "28 August – 1 September 2023", "9–13 May 2022".

    In the locale given, else the current one, with the day, month and year in its order (CLDR's date intervals).
    """
    locale = Locale.parse(locale or get_current_locale())
    start, end = event.start_dt_local.date(), event.end_dt_local.date()
    if start == end:
        return babel_format_date(start, _months_written_out(locale.datetime_skeletons['yMMMd'].pattern),
                                 locale=locale)
    patterns = locale.interval_formats['yMMMd']
    field = 'y' if start.year != end.year else ('M' if start.month != end.month else 'd')
    return ''.join(babel_format_date(day, _months_written_out(pattern), locale=locale)
                   for day, pattern in zip((start, end), patterns[field], strict=True))
