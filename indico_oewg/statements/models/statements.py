# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import re

from sqlalchemy import DDL
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.event import listens_for

from indico.core.db import db
from indico.core.db.sqlalchemy import PyIntEnum, UTCDateTime
from indico.util.date_time import now_utc
from indico.util.enum import RichIntEnum
from indico.util.i18n import force_locale
from indico.util.string import format_repr

from indico_oewg import _, pgettext
from indico_oewg.states import current_language, french_name_with_de, get_state


class SpeakerKind(RichIntEnum):
    __titles__ = [None, _('State'), _('Organization'), _('Office or body')]
    state = 1
    organization = 2
    office = 3


class DeliveryStatus(RichIntEnum):
    __titles__ = [_('Not indicated'), _('Check against delivery'), _('As delivered')]
    not_indicated = 0
    check_against_delivery = 1
    as_delivered = 2


class StatementStatus(RichIntEnum):
    """Where a statement stands: only published ones are public."""

    __titles__ = [None, _('Unpublished'), _('Published'), _('Awaiting moderation'), _('Returned')]
    unpublished = 1
    published = 2
    pending = 3
    returned = 4


_ARTICLE = re.compile(r'\s*\(the\)$', re.IGNORECASE)


def state_display_name(state):
    """A State's English short name the way UN lists read, e.g. "the Philippines"."""
    unterm = state.unterm.get('en') or state.name_en
    if _ARTICLE.search(unterm):
        return 'the ' + _ARTICLE.sub('', unterm)
    return state.name_en


def organization_display_name(name):
    """An organization's name with the article UN lists give it, e.g. "the European Union"."""
    return name if name.lower().startswith('the ') else f'the {name}'


def speaker_value(kind, state_code, organization_name, office):
    """What identifies a speaker within its kind: the State's ISO3 code, the organization's name or the office."""
    return {SpeakerKind.state: state_code, SpeakerKind.organization: organization_name}.get(kind, office)


#: The languages in which headings and delegation names follow the UI (those the plugin is translated into); a UI in
#: any other language gets them in English, like the rest of the plugin's text
HEADING_LANGUAGES = ('en', 'fr')


def heading_language():
    """The language of statement headings and delegation names: the UI's, if in :data:`HEADING_LANGUAGES`."""
    language = current_language()
    return language if language in HEADING_LANGUAGES else 'en'


def speaker_display_name(kind, value, language='en'):
    """A speaker as UN lists name it: a State (ISO3 code), an organization or an office (its text).

    In English with the article UN lists give it ("the Philippines", "the European Union"); in another language a
    State by its UN short name in that language ("Philippines"), organizations and offices as entered.
    """
    if kind == SpeakerKind.state:
        state = get_state(value)
        if state is None:
            return value
        return state_display_name(state) if language == 'en' else state.name(language)
    elif kind == SpeakerKind.organization:
        return organization_display_name(value) if language == 'en' else value
    return value


def statement_heading(kind, value, on_behalf_of):
    """A statement's heading in the UI's language: "Statement by the Philippines on behalf of multiple States".

    In French a State comes with its preposition and article ("Déclaration des Philippines", "Déclaration du Japon"),
    an organization or office as entered ("Déclaration – Union européenne").  For English whatever the UI's language
    (citations, the event log) call it inside ``force_locale(None, default=False)``.
    """
    language = heading_language()
    state = get_state(value) if kind == SpeakerKind.state else None
    if state is None:
        delegation = speaker_display_name(kind, value, language)
        if on_behalf_of:
            return _('Statement by {delegation} on behalf of {group}').format(delegation=delegation,
                                                                               group=on_behalf_of)
        return _('Statement by {delegation}').format(delegation=delegation)
    # A State has strings of its own: their translations put its name, with its preposition, right after "Statement"
    delegation = french_name_with_de(state) if language == 'fr' else state_display_name(state)
    if on_behalf_of:
        return pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                        'Statement by {delegation} on behalf of {group}').format(delegation=delegation,
                                                                                 group=on_behalf_of)
    return pgettext('by a State; {delegation} comes with its preposition, e.g. French "des Philippines"',
                    'Statement by {delegation}').format(delegation=delegation)


class Statement(db.Model):
    """A statement delivered at a session under an agenda item, by a State, an organization or an office."""

    __tablename__ = 'statements'
    __table_args__ = (db.UniqueConstraint('agenda_item_id', 'position'),
                      db.CheckConstraint('position > 0', 'position_positive'),
                      db.CheckConstraint(f'(speaker_kind = {SpeakerKind.state} AND state_code IS NOT NULL) OR '
                                         f"(speaker_kind = {SpeakerKind.organization} AND organization_name != '') OR "
                                         f"(speaker_kind = {SpeakerKind.office} AND office != '')",
                                         'speaker_given'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the statement
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The session (event) at which it was delivered
    event_id = db.Column(
        db.Integer,
        db.ForeignKey('events.events.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: The agenda item under which it was delivered
    agenda_item_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.agenda_items.id'),
        nullable=False,
        index=True
    )
    #: Its place in the order of delivery under the agenda item (1, 2, ...)
    position = db.Column(
        db.Integer,
        nullable=False
    )
    #: Who spoke: a State, an organization or an office/body
    speaker_kind = db.Column(
        PyIntEnum(SpeakerKind),
        nullable=False
    )
    #: The State's ISO 3166 alpha-3 code (speaker kind "state")
    state_code = db.Column(
        db.String,
        nullable=True,
        index=True
    )
    #: The organization's name as delivered (speaker kind "organization")
    organization_name = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The organization in the observers' registry, when the speaker is one of its organizations
    organization_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.organizations.id', ondelete='SET NULL'),
        nullable=True,
        index=True
    )
    #: The office or body, e.g. "Chair of the Group of Governmental Experts on ..." (speaker kind "office")
    office = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: The group on whose behalf it was delivered, e.g. "multiple States"
    on_behalf_of = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: ISO3 codes of the States joining the statement
    joining_states = db.Column(
        ARRAY(db.String),
        nullable=False,
        default=[]
    )
    #: The day it was delivered
    date = db.Column(
        db.Date,
        nullable=True
    )
    #: The meeting, e.g. "3rd meeting"
    meeting = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: An optional title
    title = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: "Check against delivery" or "as delivered"
    delivery_status = db.Column(
        PyIntEnum(DeliveryStatus),
        nullable=False,
        default=DeliveryStatus.not_indicated
    )
    #: The language it was delivered in (ar, zh, en, fr, ru, es, other; empty if unknown)
    original_language = db.Column(
        db.String,
        nullable=False,
        default=''
    )
    #: Published, unpublished, awaiting moderation or returned to its submitter
    status = db.Column(
        PyIntEnum(StatementStatus),
        nullable=False,
        default=StatementStatus.unpublished,
        index=True
    )
    #: The user who handed it in (delegations) or created it
    submitter_id = db.Column(
        db.Integer,
        db.ForeignKey('users.users.id'),
        nullable=True,
        index=True
    )
    #: Why the secretariat returned it to its submitter
    return_reason = db.Column(
        db.Text,
        nullable=False,
        default=''
    )
    #: When it was created
    created_dt = db.Column(
        UTCDateTime,
        nullable=False,
        default=now_utc
    )
    #: When it was (last) published
    published_dt = db.Column(
        UTCDateTime,
        nullable=True,
        index=True
    )
    #: Delegation names, group, title and the text of its files, for full-text search
    search_text = db.Column(
        db.Text,
        nullable=False,
        default=''
    )

    event = db.relationship(
        'Event',
        lazy=True,
        backref=db.backref(
            'oewg_statements',
            lazy='dynamic',
            cascade='all, delete-orphan'
        )
    )
    agenda_item = db.relationship(
        'AgendaItem',
        lazy=True,
        backref=db.backref(
            'statements',
            lazy=True,
            order_by='Statement.position'
        )
    )
    submitter = db.relationship(
        'User',
        lazy=True,
        backref=db.backref(
            'oewg_statements',
            lazy='dynamic'
        )
    )

    # relationship backrefs:
    # - files (StatementFile.statement)

    @property
    def locator(self):
        return dict(self.event.locator, statement_id=self.id)

    @property
    def is_published(self):
        return self.status == StatementStatus.published

    @property
    def state(self):
        return get_state(self.state_code) if self.state_code else None

    @property
    def delegation_code(self):
        """The State's ISO3 code; for others ``None``."""
        return self.state_code if self.speaker_kind == SpeakerKind.state else None

    @property
    def speaker_value(self):
        """What identifies the speaker within its kind: ISO3 code, organization name or office."""
        return speaker_value(self.speaker_kind, self.state_code, self.organization_name, self.office)

    @property
    def delegation_name(self):
        """The speaker as UN lists name it in English, e.g. "the Philippines" or "the European Union"."""
        return speaker_display_name(self.speaker_kind, self.speaker_value)

    @property
    def heading(self):
        """E.g. "Statement by the Philippines", in the UI's language (see :func:`statement_heading`)."""
        return statement_heading(self.speaker_kind, self.speaker_value, self.on_behalf_of)

    @property
    def english_heading(self):
        """The heading in English whatever the UI's language: for citations and the event log."""
        with force_locale(None, default=False):
            return self.heading

    @property
    def joining_state_names(self):
        language = heading_language()
        return [speaker_display_name(SpeakerKind.state, code, language) for code in self.joining_states]

    @property
    def files_by_language(self):
        from indico_oewg.statements.models.files import LANGUAGE_ORDER
        return sorted(self.files, key=lambda f: LANGUAGE_ORDER.index(f.language))

    def build_search_text(self):
        """The text indexed for full-text search: names in all languages, group, title and the files' text."""
        parts = [self.organization_name, self.office, self.on_behalf_of, self.title, self.meeting]
        if self.state:
            parts += [self.state.iso3, self.state.name_en, *self.state.unterm.values()]
        parts += [f.extracted_text for f in self.files]
        return '\n'.join(filter(None, parts))

    def __repr__(self):
        return format_repr(self, 'id', 'event_id', 'agenda_item_id', 'position', status=None,
                           _text=self.delegation_name)


#: The full-text index: accent-insensitive, no stemming (statements come in six languages).  Created by DDL rather
#: than as a model ``Index`` because SQLAlchemy 1.4 cannot reflect expression indexes (alembic would warn).
SEARCH_VECTOR_SQL = "to_tsvector('simple'::regconfig, indico.indico_unaccent(search_text))"


@listens_for(Statement.__table__, 'after_create')
def _create_search_index(target, conn, **kw):
    DDL(f'CREATE INDEX ix_statements_search_text_fts ON plugin_oewg.statements USING gin ({SEARCH_VECTOR_SQL})'
        ).execute(conn)
