"""Bad input to the statements archive gets a message and changes nothing; no input gives a 500 (issue 10)."""

from functools import partial
import io
import tracemalloc
import zipfile


import pytest

from indico.web.flask.util import url_for

from indico_oewg.delegations import Delegation
from indico_oewg.plugin import OEWGPlugin
from indico_oewg.statements.errors import StatementError
from indico_oewg.statements.importer import import_from_zip
from indico_oewg.statements.models.agenda_items import AgendaItem
from indico_oewg.statements.models.files import StatementFile
from indico_oewg.statements.models.statements import Statement
from indico_oewg.statements.operations import create_statement
from tests.helpers import post

from .conftest import make_pdf


pytestmark = pytest.mark.usefixtures('db')

_post = partial(post, multipart=True)

HEADER = 'agenda_item,position,delegation,on_behalf_of,date,meeting,language,file,title,delivery_status\n'


def _form(agenda_item, **overrides):
    return {'agenda_item': str(agenda_item.id), 'mode': 'oral', 'position': '', 'speaker_kind': 'state',
            'state': 'JPN', 'on_behalf_of': '', 'joining_states': '', 'date': '2022-05-09', 'meeting': '',
            'title': '', 'delivery_status': 'not_indicated', 'original_language': 'en'} | overrides


def _zip(csv_text, files=()):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('statements.csv', csv_text)
        for name, data in files:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def secretariat_client(secretariat_user, client_for):
    return client_for(secretariat_user)


@pytest.mark.parametrize('filename', ('japan\x00.pdf', 'ja\x00pan.pdf', '\x00'))
def test_nul_byte_in_a_file_name(secretariat_client, oewg_event, agenda, filename):
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event),
                 _form(agenda[1]) | {'file_en': (io.BytesIO(make_pdf('Japan')), filename)})
    assert resp.status_code == 302, resp.text
    file = StatementFile.query.one()
    assert '\x00' not in file.filename
    assert file.filename.endswith('.pdf')


@pytest.mark.parametrize(('filename', 'stored'), (
    ('../../x.pdf', '.._.._x.pdf'),
    ('/etc/passwd.pdf', '_etc_passwd.pdf'),
    ('..', '__.pdf'),
    ('a:b.docx', 'a_b.pdf'),
))
def test_uploaded_file_names_are_made_safe(secretariat_client, test_client, oewg_event, agenda, filename, stored):
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event),
                 _form(agenda[1], publish='y') | {'file_en': (io.BytesIO(make_pdf('Japan')), filename)})
    assert resp.status_code == 302, resp.text
    file = StatementFile.query.one()
    assert file.filename == stored
    # its public link works
    url = url_for('plugin_oewg.download_statement_file', file)
    assert url in test_client.get(url_for('plugin_oewg.statements', oewg_event)).text
    with test_client.get(url) as resp:
        assert resp.status_code == 200
        assert resp.get_data().startswith(b'%PDF-')


def test_imported_file_names_are_made_safe(oewg_event):
    csv_text = HEADER + 'General exchange of views,1,Japan,,,,en,japan/../japan.pdf,,\n'
    report = import_from_zip(oewg_event, _zip(csv_text, [('japan.pdf', make_pdf('Japan'))]))
    assert report.errors == []
    assert StatementFile.query.one().filename == 'japan.pdf'


@pytest.mark.parametrize('overrides', ({'title': 'Opening\x00remarks'}, {'meeting': '\x00'}))
def test_nul_byte_in_a_text_field(secretariat_client, oewg_event, agenda, overrides):
    # Indico itself refuses form data with NUL bytes
    resp = _post(secretariat_client, url_for('plugin_oewg.add_statement', oewg_event), _form(agenda[1], **overrides))
    assert resp.status_code == 400
    assert Statement.query.count() == 0


@pytest.mark.parametrize(('data', 'message'), (
    ({'title': 'Opening\x00remarks'}, 'The title contains a NUL character.'),
    ({'on_behalf_of': 'x' * 301}, 'On behalf of is longer than 300 characters.'),
    ({'meeting': 'm' * 101}, 'The meeting is longer than 100 characters.'),
    ({'delegation': Delegation.for_office('o' * 501)}, 'The office or body is longer than 500 characters.'),
))
def test_operations_check_what_the_forms_check(oewg_event, agenda, data, message):
    with pytest.raises(StatementError) as exc_info:
        create_statement(oewg_event, agenda[1], {'delegation': Delegation.for_state('JPN')} | data)
    assert str(exc_info.value) == message
    assert Statement.query.count() == 0


def test_nul_byte_in_an_import_csv_names_the_line(secretariat_client, oewg_event):
    csv_text = (HEADER + 'General exchange of views,1,Japan,,,,,,,\n'
                'General exchange of views,2,Bra\x00zil,,,,,,,\n'
                'General exchange of views,3,Chile,,,,,,Title\x00,\n')
    for upload, name in ((_zip(csv_text), 'statements.zip'), (csv_text.encode(), 'statements.csv')):
        resp = _post(secretariat_client, url_for('plugin_oewg.import_statements', oewg_event),
                     {'archive': (io.BytesIO(upload), name)})
        assert resp.status_code == 200
        assert 'Line 3: The line contains a NUL character.' in resp.text
        assert 'Line 4: The line contains a NUL character.' in resp.text
        assert '2 problems — nothing was imported.' in resp.text
        assert Statement.query.count() == 0


def test_import_applies_the_forms_length_limits(oewg_event):
    long_item = 'A' * 301
    csv_text = (HEADER +
                f'{long_item},1,Japan,,,,,,,\n'
                f'General exchange of views,1,Japan,{"x" * 301},,,,,,\n'
                f'General exchange of views,2,Japan,,,{"m" * 101},,,,\n'
                f'General exchange of views,3,Japan,,,,,,{"t" * 501},\n'
                f'General exchange of views,4,office: {"o" * 501},,,,,,,\n'
                f'General exchange of views,5,organization: {"n" * 301},,,,,,,\n'
                'General exchange of views,6,Japan,,,,,,Fine,\n')
    report = import_from_zip(oewg_event, _zip(csv_text))
    assert report.errors == [
        (2, 'The title of the agenda item is longer than 300 characters.'),
        (3, 'On behalf of is longer than 300 characters.'),
        (4, 'The meeting is longer than 100 characters.'),
        (5, 'The title is longer than 500 characters.'),
        (6, 'The office or body is longer than 500 characters.'),
        (7, 'The organization is longer than 300 characters.'),
    ]
    assert Statement.query.count() == 0
    assert AgendaItem.query.count() == 0


def _bomb(size, name='bomb.pdf'):
    """A ZIP whose file inflates to ``size`` bytes of zeros (a few kB compressed), written without holding it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('statements.csv', HEADER + f'General exchange of views,1,Japan,,,,en,{name},,\n')
        with zf.open(name, 'w', force_zip64=True) as f:
            chunk = b'%PDF-1.4\n' + b'\0' * (1024 * 1024 - 9)
            for __ in range(size // len(chunk)):
                f.write(chunk)
    return buf.getvalue()


def _peak_memory(func):
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_zip_bomb_costs_no_more_memory_than_a_small_zip(oewg_event):
    OEWGPlugin.settings.set('statement_max_file_size_mb', 1)
    small, large = _bomb(2 * 1024 * 1024), _bomb(64 * 1024 * 1024)
    assert len(large) < 1024 * 1024  # it is a bomb: 64 MB in well under 1 MB
    reports = []
    small_peak = _peak_memory(lambda: reports.append(import_from_zip(oewg_event, small)))
    large_peak = _peak_memory(lambda: reports.append(import_from_zip(oewg_event, large)))
    for report in reports:
        assert report.errors == [(2, '"bomb.pdf" is larger than the limit of 1 MB.')]
    assert large_peak < small_peak + 1024 * 1024
    assert large_peak < 8 * 1024 * 1024
    assert Statement.query.count() == 0


def test_zip_lying_about_its_sizes(oewg_event):
    """A ZIP declaring a small file that inflates to a larger one is stopped while reading, not after."""
    OEWGPlugin.settings.set('statement_max_file_size_mb', 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zf:
        zf.writestr('statements.csv', HEADER + 'General exchange of views,1,Japan,,,,en,liar.pdf,,\n')
        zf.writestr('liar.pdf', make_pdf('Japan') + b'\0' * (4 * 1024 * 1024))
    data = bytearray(buf.getvalue())
    # the central directory (what zipfile reads) says 1000 bytes: its uncompressed size is at offset 24
    central = data.rindex(b'PK\x01\x02')  # the entry of liar.pdf, the last one
    data[central + 24:central + 28] = (1000).to_bytes(4, 'little')
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo('liar.pdf').file_size == 1000
    report = import_from_zip(oewg_event, bytes(data))
    assert report.errors == [(2, 'File "liar.pdf" cannot be read from the ZIP file.')]
    assert Statement.query.count() == 0


@pytest.mark.parametrize('upload', (b'PK\x03\x04 not a zip', b'', b'\x00' * 100))
def test_broken_uploads_to_the_import(secretariat_client, oewg_event, upload):
    resp = _post(secretariat_client, url_for('plugin_oewg.import_statements', oewg_event),
                 {'archive': (io.BytesIO(upload), 'statements.zip')})
    assert resp.status_code == 200
    assert 'nothing was imported' in resp.text or 'Choose a ZIP file' in resp.text
    assert Statement.query.count() == 0
