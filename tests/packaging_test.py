import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from indico.web.flask.util import url_for


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / 'indico_oewg'
DATA_DIRS = ('templates', 'migrations', 'translations', 'data', 'static')


@pytest.fixture(scope='module')
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp('wheel')
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation',
                    '--ignore-requires-python', '-q', '-w', str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (path,) = out.glob('indico_plugin_oewg-*.whl')
    with zipfile.ZipFile(path) as zf:
        yield zf


def test_wheel_contains_every_template_migration_translation_data_and_static_file(wheel):
    names = set(wheel.namelist())
    expected = {str(path.relative_to(ROOT)) for directory in DATA_DIRS
                for path in (PACKAGE / directory).rglob('*')
                if path.is_file() and '__pycache__' not in path.parts and path.suffix != '.pyc'}
    assert 'indico_oewg/templates/working_groups/manage_session.html' in expected
    assert 'indico_oewg/translations/fr_FR/LC_MESSAGES/messages.mo' in expected
    assert 'indico_oewg/static/dist/manifest.json' in expected
    assert expected <= names, sorted(expected - names)
    assert not any(name.startswith(('tests/', 'demo/', 'benchmarks/')) for name in names)


def test_wheel_declares_the_plugin_and_pins_indico(wheel):
    dist_info = next(n.split('/')[0] for n in wheel.namelist() if n.endswith('.dist-info/METADATA'))
    entry_points = wheel.read(f'{dist_info}/entry_points.txt').decode()
    assert '[indico.plugins]' in entry_points
    assert 'oewg = indico_oewg.plugin:OEWGPlugin' in entry_points
    assert 'Requires-Dist: indico==3.3.14' in wheel.read(f'{dist_info}/METADATA').decode()


@pytest.mark.parametrize('po_path', sorted(PACKAGE.glob('translations/*/LC_MESSAGES/messages.po')),
                         ids=lambda p: p.parent.parent.name)
def test_compiled_catalogue_matches_its_source(po_path):
    """`make i18n` was run after the last change of the catalogue: the .mo says what the .po says."""
    def entry(message):
        # (context, msgid) -> forms; plural ids and forms are tuples in the .po, lists in the .mo, and the .mo's
        # contexts are bytes
        context = message.context.decode() if isinstance(message.context, bytes) else message.context
        msgid = tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id
        forms = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
        return (context, msgid), forms

    with po_path.open('rb') as f:
        source = dict(entry(m) for m in read_po(f) if m.id and all(entry(m)[1]) and not m.fuzzy)
    with po_path.with_suffix('.mo').open('rb') as f:
        compiled = dict(entry(m) for m in read_mo(f) if m.id)
    assert compiled == source


def test_french_catalogue_exists():
    assert (PACKAGE / 'translations/fr_FR/LC_MESSAGES/messages.po').exists()


@pytest.mark.usefixtures('db')
def test_pages_speak_french(oewg_event, secretariat_user, client_for):
    client = client_for(secretariat_user)
    with client.session_transaction() as sess:
        sess.lang = 'fr_FR'
    resp = client.get(url_for('plugin_oewg.manage_session', oewg_event))
    assert resp.status_code == 200
    assert 'Paramètres de la session' in resp.text
    assert 'Session settings' not in resp.text
