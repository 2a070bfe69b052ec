# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""Fixtures of the observers tests: organizations, requests, PDF letters, the users of the access matrix."""

import json
from io import BytesIO

import pytest
from pypdf import PdfWriter
from werkzeug.datastructures import FileStorage

from indico_oewg.observers.models.organizations import EcosocStatus, OrganizationKind
from indico_oewg.observers.operations import create_organization
from indico_oewg.observers.operations import create_request as _create_request


def make_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = BytesIO()
    writer.write(buf)
    return buf.getvalue()


PDF = make_pdf()


def upload(data=PDF, filename='letter.pdf', content_type='application/pdf'):
    return FileStorage(BytesIO(data), filename=filename, content_type=content_type)


def representatives_json(*people):
    return json.dumps([{'full_name': name, 'title': title} for name, title in people])


@pytest.fixture(autouse=True)
def observer_file_storage(patch_indico_config, tmp_path):
    """The files of requests on a file system storage, as on a server: downloads go through
    `StoredFileMixin.send()`, which Indico's in-memory test storage does not implement.
    """
    patch_indico_config('STORAGE_BACKENDS', {'default': f'fs:{tmp_path}'})


@pytest.fixture
def pdf_bytes():
    return PDF


@pytest.fixture
def requester(create_user):
    return create_user(3001, first_name='Rita', last_name='Requester', email='rita@ngo.example.org')


@pytest.fixture
def other_requester(create_user):
    return create_user(3002, first_name='Otto', last_name='Other', email='otto@ngo.example.org')


@pytest.fixture
def unrelated_user(create_user):
    return create_user(3003, first_name='Ursula', last_name='Unrelated', email='ursula@example.org')


@pytest.fixture
def admin_user(create_user):
    return create_user(3004, first_name='Adam', last_name='Admin', email='admin@example.org', admin=True)


@pytest.fixture
def make_organization(dummy_working_group):
    def _make_organization(name='Space Safety Coalition', kind=OrganizationKind.other_ngo, **kwargs):
        kwargs.setdefault('acronym', '')
        kwargs.setdefault('ecosoc_status', EcosocStatus.special if kind == OrganizationKind.ecosoc
                          else EcosocStatus.none)
        return create_organization(dummy_working_group, {'name': name, 'kind': kind, **kwargs})
    return _make_organization


@pytest.fixture
def make_request(oewg_event, requester):
    """Create a request through the same operation the form uses."""
    def _make_request(organization, user=None, event=None, representatives=(('Ada Lovelace', 'Director'),)):
        return _create_request(event or oewg_event, user or requester, organization=organization,
                               letter=upload(), representatives=list(representatives))
    return _make_request
