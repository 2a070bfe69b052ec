import io
import zipfile

import pytest
from click.testing import CliRunner

from indico.web.flask.util import url_for

from indico_oewg.statements.importer import import_from_csv_path, import_from_zip
from indico_oewg.statements.models.files import StatementFile
from indico_oewg.statements.models.statements import Statement

from .conftest import make_docx, make_pdf


pytestmark = pytest.mark.usefixtures('db')

HEADER = 'agenda_item,position,delegation,on_behalf_of,date,meeting,language,file,title,delivery_status\n'
GOOD_ROWS = (
    'Opening of the session,1,"office: Chair of the GGE on Transparency and Confidence-Building Measures",,'
    '2022-05-09,1st meeting,en,chair.pdf,,\n'
    'General exchange of views,1,Islamic Republic of Iran,,2022-05-09,1st meeting,en,iran.pdf,,as delivered\n'
    'General exchange of views,1,IRN,,2022-05-09,1st meeting,fr,iran_fr.docx,,as delivered\n'
    'General exchange of views,2,Japon,,9 May 2022,1st meeting,English,japan.pdf,,check against delivery\n'
    'General exchange of views,3,PHL,"multiple States: AUS, Japan",2022-05-10,,en,phl.pdf,,\n'
    'General exchange of views,4,organization: European Union,,2022-05-10,,,,,\n'
)
FILES = {'chair.pdf': make_pdf('Chair'), 'iran.pdf': make_pdf('Iran'), 'iran_fr.docx': make_docx('Iran fr'),
         'japan.pdf': make_pdf('Japan'), 'phl.pdf': make_pdf('Philippines')}


def _write(tmp_path, rows, files=FILES):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    path = tmp_path / 'statements.csv'
    path.write_text(HEADER + rows, encoding='utf-8')
    return path


def test_import_csv_with_files(tmp_path, oewg_event):
    report = import_from_csv_path(oewg_event, _write(tmp_path, GOOD_ROWS), publish=True)
    assert report.errors == []
    assert report.imported
    assert (report.statements, report.files) == (5, 5)
    assert [item.title for item in oewg_event.oewg_agenda_items] == ['Opening of the session',
                                                                     'General exchange of views']
    general = oewg_event.oewg_agenda_items[1]
    assert [s.heading for s in sorted(general.statements, key=lambda s: s.position)] == [
        'Statement by Iran (Islamic Republic of)', 'Statement by Japan',
        'Statement by the Philippines on behalf of multiple States', 'Statement by the European Union']
    iran = general.statements[0]
    assert sorted(f.language for f in iran.files) == ['en', 'fr']
    assert iran.delivery_status.name == 'as_delivered'
    philippines = next(s for s in general.statements if s.state_code == 'PHL')
    assert philippines.joining_states == ['AUS', 'JPN']
    assert all(s.is_published for s in general.statements)


def test_dry_run_imports_nothing(tmp_path, oewg_event):
    report = import_from_csv_path(oewg_event, _write(tmp_path, GOOD_ROWS), dry_run=True)
    assert report.ok and not report.imported
    assert report.statements == 5
    assert report.new_agenda_items == ['Opening of the session', 'General exchange of views']
    assert Statement.query.count() == 0
    assert oewg_event.oewg_agenda_items == []


def test_every_bad_line_is_reported_and_nothing_imported(tmp_path, oewg_event, add_statement):
    add_statement('BRA')  # takes position 1 of "General exchange of views"
    rows = (
        'General exchange of views,2,Japan,,2022-05-09,,en,japan.pdf,,\n'  # fine
        'General exchange of views,1,Canada,,2022-05-09,,en,japan.pdf,,\n'  # position taken
        'General exchange of views,3,Atlantis,,2022-05-09,,en,japan.pdf,,\n'  # unknown delegation
        'General exchange of views,4,Chile,,yesterday,,en,japan.pdf,,\n'  # bad date
        'General exchange of views,5,Chile,,2022-05-09,,de,japan.pdf,,\n'  # bad language
        'General exchange of views,6,Chile,,2022-05-09,,en,fake.pdf,,\n'  # not a PDF
        'General exchange of views,7,Chile,,2022-05-09,,en,missing.pdf,,\n'  # no such file
        'General exchange of views,2,Japan,,2022-05-09,,en,phl.pdf,,\n'  # second English file for line 2
        'General exchange of views,2,Chile,,2022-05-09,,fr,phl.pdf,,\n'  # another delegation on line 2's place
        ',x,Chile,,2022-05-09,,,,,sometimes\n'  # no agenda item, bad position, bad delivery status
    )
    report = import_from_csv_path(oewg_event, _write(tmp_path, rows, FILES | {'fake.pdf': b'not a pdf'}))
    lines = {}
    for line, message in report.errors:
        lines.setdefault(line, []).append(message)
    assert set(lines) == {3, 4, 5, 6, 7, 8, 9, 10, 11}
    assert 'already taken by "Statement by Brazil"' in lines[3][0]
    assert 'Unknown delegation "Atlantis"' in lines[4][0]
    assert 'not a date' in lines[5][0]
    assert 'Unknown language "de"' in lines[6][0]
    assert 'neither a PDF nor a Word' in lines[7][0]
    assert 'File "missing.pdf" not found' in lines[8][0]
    assert 'second file in en' in lines[9][0]
    assert 'used by line 2 for another delegation' in lines[10][0]
    assert len(lines[11]) == 3
    assert not report.imported
    assert Statement.query.count() == 1
    assert StatementFile.query.count() == 0


def test_missing_columns(tmp_path, oewg_event):
    path = tmp_path / 's.csv'
    path.write_text('agenda_item,speaker\nx,y\n')
    report = import_from_csv_path(oewg_event, path)
    assert report.errors == [(1, 'Missing columns: position, delegation.'), (1, 'Unknown columns: speaker.')]


def _zip(rows, files=FILES):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as zf:
        zf.writestr('first-session/statements.csv', HEADER + rows)
        for name, content in files.items():
            zf.writestr(f'first-session/{name}', content)
    return buf.getvalue()


def test_import_zip(oewg_event):
    report = import_from_zip(oewg_event, _zip(GOOD_ROWS))
    assert report.imported and report.files == 5
    assert Statement.query.count() == 5
    assert not any(s.is_published for s in Statement.query)


def test_zip_upload_in_management(secretariat_user, client_for, oewg_event):
    client = client_for(secretariat_user)
    url = url_for('plugin_oewg.import_statements', oewg_event)
    bad = GOOD_ROWS + 'General exchange of views,9,Narnia,,2022-05-10,,,,,\n'
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'archive': (io.BytesIO(_zip(bad)), 'x.zip')},
                       content_type='multipart/form-data')
    assert resp.status_code == 200
    assert 'Line 8' in resp.text and 'Unknown delegation &#34;Narnia&#34;' in resp.text
    assert '1 problem — nothing was imported.' in resp.text
    assert Statement.query.count() == 0
    worse = bad + 'General exchange of views,10,Atlantis,,2022-05-10,,,,,\n'
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'archive': (io.BytesIO(_zip(worse)), 'x.zip')},
                       content_type='multipart/form-data')
    assert '2 problems — nothing was imported.' in resp.text
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'dry_run': '1',
                                  'archive': (io.BytesIO(_zip(GOOD_ROWS)), 'x.zip')},
                       content_type='multipart/form-data')
    assert 'Dry run: all rows are valid. 5 statements with 5 files would be imported' in resp.text
    japan_only = 'General exchange of views,2,Japon,,9 May 2022,1st meeting,English,japan.pdf,,\n'
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'dry_run': '1',
                                  'archive': (io.BytesIO(_zip(japan_only)), 'x.zip')},
                       content_type='multipart/form-data')
    assert 'Dry run: all rows are valid. 1 statement with 1 file would be imported' in resp.text
    assert Statement.query.count() == 0
    resp = client.post(url, data={'csrf_token': client.csrf_token, 'publish': '1',
                                  'archive': (io.BytesIO(_zip(GOOD_ROWS)), 'x.zip')},
                       content_type='multipart/form-data')
    assert resp.status_code == 302
    assert Statement.query.count() == 5
    assert '5 statements imported.' in client.get(resp.location).text
    assert all(s.is_published for s in Statement.query)


def test_cli(tmp_path, oewg_event, app):
    from indico_oewg.cli import cli
    path = _write(tmp_path, GOOD_ROWS + 'General exchange of views,9,Narnia,,2022-05-10,,,,,\n')
    runner = CliRunner()
    result = runner.invoke(cli, ['import-statements', str(oewg_event.id), str(path)], obj=None)
    assert result.exit_code == 1
    assert 'line 8: Unknown delegation "Narnia"' in result.output
    assert '1 problem; nothing imported.' in result.output
    path = _write(tmp_path, GOOD_ROWS)
    result = runner.invoke(cli, ['import-statements', str(oewg_event.id), str(path), '--dry-run'])
    assert result.exit_code == 0, result.output
    assert 'Dry run: all rows are valid (5 statements with 5 files' in result.output
    assert Statement.query.count() == 0


def test_import_written_contributions(tmp_path, oewg_event):
    header = HEADER.rstrip('\n') + ',mode\n'
    rows = ('General exchange of views,1,Japan,,,,,,,,\n'
            'General exchange of views,1,Chile,,,,,,,,written\n'
            'General exchange of views,2,Brazil,,,,,,,,oral\n'
            'General exchange of views,3,Peru,,,,,,,,sung\n')
    path = tmp_path / 'statements.csv'
    path.write_text(header + rows, encoding='utf-8')
    report = import_from_csv_path(oewg_event, path)
    assert report.errors == [(5, 'mode must be empty, "oral" or "written".')]
    path.write_text(header + rows.replace(',sung', ',written'), encoding='utf-8')
    report = import_from_csv_path(oewg_event, path)
    assert report.imported
    assert sorted((s.mode.name, s.position, s.state_code) for s in Statement.query) == [
        ('oral', 1, 'JPN'), ('oral', 2, 'BRA'), ('written', 1, 'CHL'), ('written', 3, 'PER')]
