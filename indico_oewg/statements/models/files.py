# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import posixpath

from indico.core.config import config
from indico.core.db import db
from indico.core.storage import StoredFileMixin
from indico.util.fs import secure_filename
from indico.util.string import format_repr, strict_str, text_to_repr

from indico_oewg import _


#: Languages of statement files, in the order the UN lists them on its pages (English first)
LANGUAGE_ORDER = ('en', 'fr', 'es', 'ru', 'zh', 'ar', 'other')
#: Each language labelled in itself, as download links are
LANGUAGE_LABELS = {
    'en': 'English',
    'fr': 'Français',
    'es': 'Español',
    'ru': 'Русский',
    'zh': '中文',
    'ar': 'العربية',
}


def language_label(language):
    return LANGUAGE_LABELS.get(language) or _('Other language')


class StatementFile(StoredFileMixin, db.Model):
    """The file of a statement in one language (PDF or DOCX), kept in Indico's storage."""

    __tablename__ = 'statement_files'
    __table_args__ = (db.UniqueConstraint('statement_id', 'language'),
                      db.CheckConstraint("language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es', 'other')",
                                         'valid_language'),
                      {'schema': 'plugin_oewg'})

    #: The ID of the file
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The statement it is a language version of
    statement_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.statements.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )
    #: Its language: ar, zh, en, fr, ru, es or other
    language = db.Column(
        db.String,
        nullable=False
    )
    #: The text extracted from the file, for full-text search
    extracted_text = db.Column(
        db.Text,
        nullable=False,
        default=''
    )

    statement = db.relationship(
        'Statement',
        lazy=True,
        backref=db.backref(
            'files',
            lazy=True,
            cascade='all, delete-orphan'
        )
    )

    @property
    def locator(self):
        return dict(self.statement.locator, file_id=self.id, filename=self.filename)

    @property
    def language_label(self):
        return language_label(self.language)

    def _build_storage_path(self):
        self.statement.assign_id()
        self.assign_id()
        filename = f'{self.id}-{secure_filename(self.filename, "statement")}'
        path = posixpath.join('event', strict_str(self.statement.event_id), 'oewg-statements',
                              strict_str(self.statement.id), filename)
        return config.ATTACHMENT_STORAGE, path

    def __repr__(self):
        return format_repr(self, 'id', 'statement_id', 'language', _text=text_to_repr(self.filename))
