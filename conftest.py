# Indico's own pytest plugin is loaded through its entry point; these add the registration fixtures,
# our fixtures and the guard that fails a run in which tests were skipped.
pytest_plugins = ('indico.modules.events.registration.testing.fixtures', 'tests.fixtures', 'tests.skip_guard')
