# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Real PDF and Word files with a known text, for the tests, the browser seed and the benchmark."""

import io


def make_pdf(text='Sample statement'):
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    y = 800
    for line in text.splitlines() or ['']:
        pdf.drawString(72, y, line)
        y -= 16
    pdf.save()
    return buf.getvalue()


def make_docx(text='Sample statement'):
    from docx import Document
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
