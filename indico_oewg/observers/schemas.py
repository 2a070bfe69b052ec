# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from marshmallow import fields

from indico.core.marshmallow import mm


class AccreditedOrganizationSchema(mm.Schema):
    """An accredited organization as the public sees it (nothing about objections)."""

    id = fields.Integer()
    name = fields.String()
    name_fr = fields.String()
    acronym = fields.String()
    kind = fields.Function(lambda o: o.kind.letter)
    kind_title = fields.Function(lambda o: str(o.kind.title))
    group = fields.Function(lambda o: str(o.kind.group_title))
    website = fields.String()
    country = fields.String(allow_none=True)
