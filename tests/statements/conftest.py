"""Fixtures of the statements tests: sample PDF/DOCX bytes, an agenda, statements."""

from datetime import date

import pytest

from indico_oewg.statements.models.statements import SpeakerKind, StatementStatus
from indico_oewg.statements.operations import create_agenda_item, create_statement
from indico_oewg.statements.util import Delegation

from .samples import make_docx, make_pdf  # noqa: F401 (the tests import them from here)


@pytest.fixture
def agenda(oewg_event, dummy_user):
    """The first session's agenda items on ``oewg_event``."""
    return [create_agenda_item(oewg_event, title, user=dummy_user) for title in (
        'Opening of the session', 'General exchange of views', 'General exchange of views (informal mode)')]


@pytest.fixture
def add_statement(oewg_event, agenda, dummy_user):
    """Return a callable creating a statement (published by default) under an agenda item."""
    def _add_statement(delegation='JPN', item=1, *, kind=SpeakerKind.state, files=(), published=True, **data):
        data.setdefault('date', date(2022, 5, 9))
        return create_statement(oewg_event, agenda[item], dict(data, delegation=Delegation(kind, delegation)),
                                files, user=dummy_user,
                                status=StatementStatus.published if published else StatementStatus.unpublished)
    return _add_statement
