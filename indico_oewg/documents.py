# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Documents every capability makes or receives the same way: PDF (WeasyPrint), Word (python-docx), PDF uploads,
and the dates of a session as documents print them.
"""

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from indico.util.date_time import format_interval


#: PDF readers accept the header anywhere in the first kilobyte of a file
PDF_HEADER_WINDOW = 1024
PAGE_CSS = '@page { size: A4; margin: 2cm; }'


class _InlineDataOnlyFetcher(URLFetcher):
    # Documents are built from the plugin's own templates and what users typed: nothing may make the server fetch a
    # URL (an <img src="http://..."> in a name must not reach the network or the file system). Inline data only.
    # (WeasyPrint 70, which Indico 3.3.14 pins, takes a fetcher class, as Indico's receipts use it.)

    def __init__(self):
        super().__init__(allowed_protocols={'data'}, allow_redirects=False)

    def fetch(self, url, headers=None):
        if not url.startswith('data:'):
            raise ValueError(f'External resources are not loaded in documents: {url[:100]}')
        return super().fetch(url, headers)


def render_pdf(html, css=''):
    """A PDF (``BytesIO``) of an HTML page, on A4 with 2 cm margins unless the CSS says otherwise."""
    stylesheets = [CSS(string=PAGE_CSS + css, url_fetcher=_InlineDataOnlyFetcher())]
    buf = BytesIO()
    HTML(string=html, url_fetcher=_InlineDataOnlyFetcher()).write_pdf(buf, stylesheets=stylesheets)
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


def format_session_dates(event, locale=None):
    """The days of a session as UN documents print them: "28 August – 1 September 2023", "9–13 May 2022"."""
    return format_interval(event.start_dt_local.date(), event.end_dt_local.date(), 'yMMMMd', locale=locale)
