import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent


def _run_pytest(tmp_path, test_source):
    (tmp_path / 'pytest.ini').write_text('[pytest]\npython_files = *_test.py\n')
    if test_source is not None:
        (tmp_path / 'sample_test.py').write_text(textwrap.dedent(test_source))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, '-m', 'pytest', '-p', 'no:indico', '-p', 'no:cacheprovider',
                           '-p', 'tests.skip_guard', str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_guard_passes_a_run_where_everything_ran(tmp_path):
    result = _run_pytest(tmp_path, '''
        def test_ok():
            assert True
    ''')
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize('source', (
    '''
    import pytest
    def test_ok():
        assert True
    def test_skipped():
        pytest.skip('Could not init/start PostgreSQL')
    ''',
    '''
    import pytest
    @pytest.fixture
    def postgresql():
        pytest.skip('Database explicitly disabled')
    def test_db(postgresql):
        assert True
    ''',
))
def test_guard_fails_a_run_with_skipped_tests(tmp_path, source):
    result = _run_pytest(tmp_path, source)
    assert result.returncode == pytest.ExitCode.TESTS_FAILED
    assert 'were skipped' in result.stdout


@pytest.mark.parametrize('source', (None, 'def helper():\n    pass\n'))
def test_guard_fails_a_run_without_tests(tmp_path, source):
    result = _run_pytest(tmp_path, source)
    assert result.returncode != 0
