import pytest

from indico_oewg.plugin import OEWGPlugin
from indico_oewg.statements.files import DOCX_TYPE, PDF_TYPE, StatementFileError, check_file

from .conftest import make_docx, make_pdf


pytestmark = pytest.mark.usefixtures('db')


def test_pdf_and_docx_are_recognised_by_content():
    pdf = check_file('statement.pdf', make_pdf('Outer space norms'), 'en')
    assert pdf.content_type == PDF_TYPE
    assert 'Outer space norms' in pdf.text
    # the name does not matter, the content does
    docx = check_file('statement.bin', make_docx('Normes de comportement'), 'fr')
    assert docx.content_type == DOCX_TYPE
    assert docx.filename == 'statement.docx'
    assert docx.text == 'Normes de comportement'


@pytest.mark.parametrize(('name', 'data', 'message'), (
    ('fake.pdf', b'This is plain text pretending to be a PDF', 'neither a PDF nor a Word'),
    ('fake.docx', b'PK\x03\x04 not really a zip', 'neither a PDF nor a Word'),
    ('broken.pdf', b'%PDF-1.7\n garbage garbage', 'cannot be read'),
    ('empty.pdf', b'', 'is empty'),
))
def test_bad_files_are_refused(name, data, message):
    with pytest.raises(StatementFileError, match=message):
        check_file(name, data, 'en')


def test_a_zip_that_is_not_a_word_document_is_refused():
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as zf:
        zf.writestr('hello.txt', 'hello')
    with pytest.raises(StatementFileError, match='neither a PDF nor a Word'):
        check_file('archive.docx', buf.getvalue(), 'en')


def test_size_limit_is_a_setting():
    assert OEWGPlugin.settings.get('statement_max_file_size_mb') == 20
    OEWGPlugin.settings.set('statement_max_file_size_mb', 1)
    big = make_pdf('x') + b'\n%' + b'0' * (1024 * 1024)
    with pytest.raises(StatementFileError, match='larger than the limit of 1 MB'):
        check_file('big.pdf', big, 'en')


def test_unknown_language_is_refused():
    with pytest.raises(StatementFileError, match='unknown language'):
        check_file('x.pdf', make_pdf(), 'de')
