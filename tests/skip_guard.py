"""Fail the test run when any test was skipped or when no test ran.

Indico's database fixture skips every database test when it cannot reach or start PostgreSQL, and pytest
still exits 0; a green run of this project must mean that every test really ran.
"""

import pytest


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin('terminalreporter')
    stats = reporter.stats if reporter else {}
    skipped = [r for r in stats.get('skipped', []) if not getattr(r, 'wasxfail', None)]
    ran = sum(len(stats.get(key, [])) for key in ('passed', 'failed', 'error'))
    problem = None
    if skipped:
        problem = f'{len(skipped)} test(s) were skipped; every test must run (is the test database configured?)'
    elif ran == 0 and exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        problem = 'no test ran'
    if problem:
        if reporter:
            reporter.write_sep('!', problem, red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
