"""Seed the OEWG demo: the working group on reducing space threats, its five sessions and demo users.

Run by `make demo` with INDICO_CONFIG set; running it again reuses what exists. Each capability adds its own
sample data through `demo/<capability>.py`, a module with ``seed(ctx)`` called at the end (see CAPABILITIES).
"""

import importlib
import json
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytz

from demo.maildomain import address


DATA = Path(__file__).parent / 'data'
# Demo modules of the capabilities, run in this order after the working group and its sessions exist.
CAPABILITIES = ('observers', 'statements', 'registration', 'speakers')
PASSWORD = 'oewg-demo-2026'  # noqa: S105 (the demo's published password)
# Addresses in the demo's mail domain, which Indico's e-mail check accepts offline (demo/maildomain.py).
USERS = {
    'admin': {'first_name': 'Indico', 'last_name': 'Admin', 'email': address('admin'),
              'affiliation': 'United Nations Office at Geneva'},
    'secretariat': {'first_name': 'Sara', 'last_name': 'Mendes', 'email': address('secretariat'),
                    'affiliation': 'United Nations Office for Disarmament Affairs'},
    'delegate': {'first_name': 'Daniel', 'last_name': 'Okafor', 'email': address('delegate'),
                 'affiliation': 'Permanent Mission of Nigeria (sample)'},
}


def _get_or_create_user(login, data, *, admin=False):
    from indico.modules.auth import Identity
    from indico.modules.users import User
    from indico.modules.users.operations import create_user
    from indico.modules.users.util import get_user_by_email
    identity = Identity.query.filter_by(provider='indico', identifier=login).first()
    user = identity.user if identity else get_user_by_email(data['email'])
    if user is None:
        identity = Identity(provider='indico', identifier=login, password=PASSWORD)
        user = create_user(data['email'], dict(data), identity)
    elif user.email != data['email']:
        # a demo seeded before the demo's mail domain existed: its accounts move to their new addresses
        user.email = data['email']
    if admin and not user.is_admin:
        user.is_admin = True
    assert isinstance(user, User)
    return user


def _seed_category(config, admin):
    from indico.core.db import db
    from indico.modules.categories import Category
    from indico_oewg.working_groups.operations import create_working_group
    from indico_oewg.working_groups.util import get_working_group

    root = Category.get_root()
    category = Category.query.filter_by(parent=root, title=config['category'], is_deleted=False).first()
    if category is None:
        category = Category(parent=root, title=config['category'],
                            description=(DATA / 'introduction.html').read_text(), timezone=config['timezone'])
        db.session.add(category)
        db.session.flush()
    working_group = get_working_group(category)
    if working_group is None:
        working_group = create_working_group(category, {key: config[key] for key in (
            'name', 'resolution', 'symbol_prefix', 'contact_email')}, user=admin)
    return working_group


def _add_page(event, title, html):
    from indico.modules.events.layout import layout_settings
    from indico.modules.events.layout.models.menu import EventPage, MenuEntry, MenuEntryType
    from indico.modules.events.layout.util import menu_entries_for_event
    if MenuEntry.query.with_parent(event).filter_by(title=title).has_rows():
        return
    # Pages show in the menu only once the event has its own (customized) menu.
    layout_settings.set(event, 'use_custom_menu', True)
    top_level = [entry for entry in menu_entries_for_event(event) if entry.parent_id is None]
    page = EventPage(html=html)
    event.custom_pages.append(page)
    event.menu_entries.append(MenuEntry(event=event, type=MenuEntryType.page, title=title, page=page,
                                        position=max((e.position for e in top_level), default=0) + 1))


def _seed_session(config, spec, category, admin):
    from indico.core.db import db
    from indico.modules.events import Event
    from indico.modules.events.features.util import set_feature_enabled
    from indico.modules.events.models.events import EventType
    from indico.modules.events.operations import create_event
    from indico_oewg.working_groups.operations import ensure_session

    tz = pytz.timezone(config['timezone'])
    title = f'{spec["title"]} of the {config["name"]}'
    event = Event.query.filter_by(category=category, title=title, is_deleted=False).first()
    if event is None:
        first, last = (date.fromisoformat(day) for day in spec['days'])
        event = create_event(category, EventType.conference, {
            'title': title,
            'description': (DATA / 'introduction.html').read_text(),
            'start_dt': tz.localize(datetime.combine(first, time(10))),
            'end_dt': tz.localize(datetime.combine(last, time(18))),
            'timezone': config['timezone'],
            'venue_name': config['venue'],
            'room_name': spec['room'],
            'address': config['address'],
            'creator': admin,
        })
        db.session.flush()
    if not event.has_feature('oewg'):
        set_feature_enabled(event, 'oewg', True)
    oewg_session = ensure_session(event)
    oewg_session.populate_from_dict({'title': spec['title'], 'number': spec['number'], 'room': spec['room']})
    # Indico builds an event's menu in a session of its own, which must see the event: commit first.
    db.session.commit()
    _add_page(event, 'The Chair', (DATA / 'chair.html').read_text())
    _add_page(event, 'Information for participants', (DATA / 'participation.html').read_text())
    return event


def seed():
    from indico.core.db import db

    config = json.loads((DATA / 'working_group.json').read_text())
    admin = _get_or_create_user('admin', USERS['admin'], admin=True)
    users = {'admin': admin}
    users |= {login: _get_or_create_user(login, data) for login, data in USERS.items() if login != 'admin'}
    working_group = _seed_category(config, admin)
    sessions = {spec['key']: _seed_session(config, spec, working_group.category, admin)
                for spec in config['sessions']}
    # The fourth session is left for trying the permission out: an event manager grants it in Protection.
    for key, event in sessions.items():
        if key != 'fourth' and not event.can_manage(users['secretariat'], 'oewg_secretariat',
                                                    explicit_permission=True):
            event.update_principal(users['secretariat'], add_permissions={'oewg_secretariat'})
    db.session.commit()

    ctx = {'working_group': working_group, 'sessions': sessions, 'users': users, 'data': DATA}
    for name in CAPABILITIES:
        try:
            module = importlib.import_module(f'demo.{name}')
        except ModuleNotFoundError as exc:
            if exc.name != f'demo.{name}':
                raise
            continue
        module.seed(ctx)
        db.session.commit()
    return ctx


def main():
    from demo.maildomain import install
    install()  # the sample registrations go through Indico's e-mail check, as a person's would

    from indico.core.notifications import flush_email_queue
    from indico.core.plugins import plugin_engine
    from indico.web.flask.app import make_app
    from indico.web.flask.util import url_for

    app = make_app()
    with app.test_request_context():
        with plugin_engine.get_plugin('oewg').plugin_context():
            ctx = seed()
            flush_email_queue()  # to the Celery queue; the worker sends them once the demo runs
        print('OEWG demo is ready.')
        print()
        print(f'Log in at {url_for("auth.login", _external=True)} (password for all: {PASSWORD}):')
        print('  admin         Indico administrator')
        print('  secretariat   OEWG secretariat of the organizational to third sessions; grant it the fourth')
        print('                session in its Protection settings ("OEWG secretariat" permission)')
        print('  delegate      a delegate; focal point of the sample delegation of Nigeria (fourth session)')
        print('  requester     contact of sample observer organizations: their requests under Observers')
        print()
        print('Sessions:')
        for event in ctx['sessions'].values():
            print(f'  {event.oewg_session.title:<24} {url_for("events.display", event, _external=True)}')
        print(f'Working group settings: '
              f'{url_for("plugin_oewg.manage_working_group", ctx["working_group"].category, _external=True)}')


if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
