"""Fixtures of the statements tests: sample PDF/DOCX bytes, an agenda, statements, file storage."""

from datetime import date

import pytest

from indico_oewg.delegations import Delegation, DelegationKind
from indico_oewg.statements.models.statements import StatementStatus
from indico_oewg.statements.operations import create_agenda_item, create_statement

from .samples import make_docx, make_pdf  # noqa: F401 (the tests import them from here)


@pytest.fixture(autouse=True)
def file_storage(patch_indico_config, tmp_path):
    """Statement files in a real file system storage, as in production.

    Indico's test storage keeps files in memory and cannot send them (``send_file`` is not implemented there);
    every storage of a real installation can, so downloads are tested against the file system one.
    """
    root = tmp_path / 'storage'
    root.mkdir()
    patch_indico_config('STORAGE_BACKENDS', {'default': f'fs:{root}'})
    return root


def delegation(value, kind=DelegationKind.state):
    """A State by ISO3 code, an organization outside the registry by name or an office by its text."""
    kind = DelegationKind(kind)
    if kind == DelegationKind.state:
        return Delegation.for_state(value)
    if kind == DelegationKind.organization:
        return Delegation.for_named_organization(value)
    return Delegation.for_office(value)


@pytest.fixture
def agenda(oewg_event, dummy_user):
    """The first session's agenda items on ``oewg_event``."""
    return [create_agenda_item(oewg_event, title, user=dummy_user) for title in (
        'Opening of the session', 'General exchange of views', 'General exchange of views (informal mode)')]


@pytest.fixture
def add_statement(oewg_event, agenda, dummy_user):
    """Return a callable creating a statement (published by default) under an agenda item."""
    def _add_statement(value='JPN', item=1, *, kind=DelegationKind.state, files=(), published=True, **data):
        data.setdefault('date', date(2022, 5, 9))
        if not isinstance(value, Delegation):
            value = delegation(value, kind)
        return create_statement(oewg_event, agenda[item], dict(data, delegation=value), files, user=dummy_user,
                                status=StatementStatus.published if published else StatementStatus.unpublished)
    return _add_statement


@pytest.fixture
def registry_organization(dummy_working_group):
    """The European Union in the working group's observer registry (set up as the observers capability does)."""
    from indico_oewg.observers.models.organizations import OrganizationKind
    from indico_oewg.observers.operations import create_organization
    return create_organization(dummy_working_group, {'name': 'European Union', 'name_fr': 'Union européenne',
                                                     'acronym': 'EU', 'kind': OrganizationKind.standing_invitation})
