# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from indico.core.db import db
from indico.util.string import format_repr


class WorkingGroup(db.Model):
    """An open-ended working group: a category whose events are its sessions."""

    __tablename__ = 'working_groups'
    __table_args__ = {'schema': 'plugin_oewg'}

    #: The ID of the working group
    id = db.Column(
        db.Integer,
        primary_key=True
    )
    #: The category holding the sessions of the working group
    category_id = db.Column(
        db.Integer,
        db.ForeignKey('categories.categories.id', ondelete='CASCADE'),
        nullable=False,
        unique=True,
        index=True
    )
    #: The full name, e.g. "Open-ended working group on reducing space threats ..."
    name = db.Column(
        db.String,
        nullable=False
    )
    #: The General Assembly resolution establishing it, e.g. "76/231"
    resolution = db.Column(
        db.String,
        nullable=False
    )
    #: The prefix of its document symbols, e.g. "A/AC.294"
    symbol_prefix = db.Column(
        db.String,
        nullable=False
    )
    #: The e-mail address of the secretariat
    contact_email = db.Column(
        db.String,
        nullable=False
    )

    category = db.relationship(
        'Category',
        lazy=True,
        backref=db.backref(
            'oewg_working_group',
            uselist=False,
            lazy=True
        )
    )

    # relationship backrefs:
    # - (none yet)

    @property
    def locator(self):
        return {'category_id': self.category_id}

    def __repr__(self):
        return format_repr(self, 'id', 'category_id', _text=self.name)
