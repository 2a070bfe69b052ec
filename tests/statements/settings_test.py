"""The largest statement file is the plugin's setting, changed by administrators on Indico's plugin settings page."""

import gc
import io
import warnings

import pytest

from indico.web.flask.util import url_for

from indico_oewg.plugin import OEWGPlugin
from indico_oewg.statements.models.statements import Statement

from .conftest import make_pdf


pytestmark = pytest.mark.usefixtures('db')


@pytest.mark.filterwarnings('ignore::ResourceWarning', 'ignore::pytest.PytestUnraisableExceptionWarning')
def test_admin_sets_the_file_size_limit_and_uploads_obey_it(create_user, client_for, oewg_event, agenda,
                                                            secretariat_user):
    settings_url = url_for('plugins.details', plugin='oewg')
    admin = client_for(create_user(91, admin=True))
    page = admin.get(settings_url)
    assert page.status_code == 200
    assert 'name="statement_max_file_size_mb"' in page.text
    assert 'value="20"' in page.text
    resp = admin.post(settings_url, data={'csrf_token': admin.csrf_token, 'statement_max_file_size_mb': '0'})
    assert resp.status_code == 200  # refused: at least 1 MB
    assert OEWGPlugin.settings.get('statement_max_file_size_mb') == 20
    resp = admin.post(settings_url, data={'csrf_token': admin.csrf_token, 'statement_max_file_size_mb': '1'})
    assert resp.status_code == 302
    assert OEWGPlugin.settings.get('statement_max_file_size_mb') == 1
    # only administrators reach the page
    assert client_for(secretariat_user).get(settings_url).status_code == 403

    # the secretariat's upload of a statement file of 1.5 MB is refused now, one of 0.5 MB is taken
    secretariat = client_for(secretariat_user)
    form = {'csrf_token': secretariat.csrf_token, 'agenda_item': str(agenda[1].id), 'mode': 'oral',
            'speaker_kind': 'state', 'state': 'JPN', 'delivery_status': 'not_indicated', 'original_language': ''}
    big = make_pdf('Japan') + b'%' + b'0' * (1536 * 1024)
    resp = secretariat.post(url_for('plugin_oewg.add_statement', oewg_event),
                            data=form | {'file_en': (io.BytesIO(big), 'japan.pdf')},
                            content_type='multipart/form-data')
    assert '&#34;japan.pdf&#34; is larger than the limit of 1 MB.' in resp.text
    assert Statement.query.count() == 0
    small = make_pdf('Japan') + b'%' + b'0' * (512 * 1024)
    resp = secretariat.post(url_for('plugin_oewg.add_statement', oewg_event),
                            data=form | {'file_en': (io.BytesIO(small), 'japan.pdf')},
                            content_type='multipart/form-data')
    assert resp.status_code == 302
    assert Statement.query.count() == 1
    # Werkzeug's test client spools these bodies into temporary files it never closes
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', ResourceWarning)
        del resp
        gc.collect()
