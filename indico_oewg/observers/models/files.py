# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

import posixpath

from indico.core.config import config
from indico.core.db import db
from indico.core.storage import StoredFileMixin
from indico.util.fs import secure_filename
from indico.util.string import format_repr, strict_str, text_to_repr


class ObserverFile(StoredFileMixin, db.Model):
    """A file sent with an observer request: the official letter or a mission statement."""

    __tablename__ = 'observer_files'
    __table_args__ = {'schema': 'plugin_oewg'}

    add_file_date_column = True

    #: The ID of the file
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The working group whose observer registry the file belongs to
    working_group_id = db.Column(
        db.Integer,
        db.ForeignKey('plugin_oewg.working_groups.id', ondelete='CASCADE'),
        nullable=False,
        index=True
    )

    working_group = db.relationship(
        'WorkingGroup',
        lazy=True
    )

    def _build_storage_path(self):
        self.assign_id()
        filename = '{}-{}'.format(self.id, secure_filename(self.filename, 'file'))
        path = posixpath.join('oewg', strict_str(self.working_group_id), 'observers', filename)
        return config.ATTACHMENT_STORAGE, path

    def __repr__(self):
        return format_repr(self, 'id', 'working_group_id', content_type=None, _text=text_to_repr(self.filename))
