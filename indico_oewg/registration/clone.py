# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""What of the registration capability a cloned session takes over: the delegations' focal points.

Indico's own cloners copy the registration forms (with the OEWG delegation field and its settings) and, if
ticked, the registrations; the list of participants is built from those and not stored.
"""

from indico.core.db import db
from indico.modules.events.cloning import get_attrs_to_clone

from indico_oewg import _
from indico_oewg.registration.delegations import find_accredited_organization
from indico_oewg.registration.models.focal_points import FocalPoint
from indico_oewg.registration.settings import registration_settings
from indico_oewg.util import logger
from indico_oewg.working_groups.clone import SessionSetupCloner


#: Settings that go with the focal points (whether to publish the list of participants is decided per session)
FOCAL_POINT_SETTINGS = ('contacts_are_focal_points',)


class FocalPointCloner(SessionSetupCloner):
    """The focal points named per delegation, and whether organization contacts are focal points too.

    A State's focal points are copied as they are. An organization's are copied only into a session of the same
    working group for which the organization (or the one it was merged into) is still accredited: anywhere else
    the organization has no registrations to moderate.
    """

    name = 'oewg_focal_points'
    friendly_name = _('OEWG delegation focal points')
    conflict_message = _('The target event already has OEWG focal points')

    @property
    def is_available(self):
        return self._has_content(self.old_event) or bool(self._get_settings(self.old_event))

    def _has_content(self, event):
        return FocalPoint.query.with_parent(event).has_rows()

    def _get_settings(self, event):
        settings = registration_settings.get_all(event, no_defaults=True)
        return {key: settings[key] for key in FOCAL_POINT_SETTINGS if key in settings}

    def run(self, new_event, cloners, shared_data, event_exists=False):
        if settings := self._get_settings(self.old_event):
            registration_settings.set_multi(new_event, settings)
        attrs = get_attrs_to_clone(FocalPoint, skip={'created_dt'})
        seen = set()
        skipped = 0
        with db.session.no_autoflush:
            for old_entry in FocalPoint.query.with_parent(self.old_event).order_by(FocalPoint.id).all():
                if old_entry.user.is_deleted:
                    continue
                organization_id = None
                if old_entry.organization_id is not None:
                    organization = find_accredited_organization(new_event, old_entry.organization_id)
                    if organization is None:
                        skipped += 1
                        continue
                    organization_id = organization.id
                key = (old_entry.state, organization_id, old_entry.user.id)
                if key in seen:
                    continue
                seen.add(key)
                entry = FocalPoint(event=new_event, user=old_entry.user, organization_id=organization_id)
                entry.populate_from_attrs(old_entry, attrs)
                db.session.add(entry)
        db.session.flush()
        logger.info('%d focal points of %r cloned to %r (%d of organizations not accredited there left out)',
                    len(seen), self.old_event, new_event, skipped)


def get_cloners(sender, **kwargs):
    """``event_management.get_cloners`` (connected in plugin.py)."""
    return FocalPointCloner
