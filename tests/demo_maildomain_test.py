# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The demo's mail domain passes the deliverability check Indico uses; nothing else changes; only the demo uses it."""

from pathlib import Path

import dns.resolver
import email_validator
import pytest

from demo import maildomain


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo_resolver():
    old = dns.resolver.default_resolver
    maildomain.install()
    yield dns.resolver.default_resolver
    dns.resolver.default_resolver = old


def _deliverable(email):
    # what Indico's validate_email_verbose asks outside its tests (test_environment only exempts "@*.test" there)
    try:
        email_validator.validate_email(email, check_deliverability=True, test_environment=False, timeout=3)
    except email_validator.EmailUndeliverableError:
        return False
    return True


def test_demo_addresses_are_deliverable(demo_resolver):
    assert isinstance(demo_resolver, maildomain.DemoResolver)
    assert _deliverable(maildomain.address('delegate'))
    answer = demo_resolver.resolve(maildomain.DOMAIN, 'MX')
    assert [(r.preference, str(r.exchange)) for r in answer] == [(10, maildomain.MAIL_EXCHANGER)]


@pytest.mark.parametrize('email', ('someone@sub.oewg-demo.example', 'someone@mail.oewg-demo.example',
                                   'someone@oewg-demo.example.org', 'someone@other.example'))
def test_no_other_domain_is_answered(demo_resolver, email):
    with pytest.raises((dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.NoNameservers,
                        dns.resolver.LifetimeTimeout)):
        demo_resolver.resolve(email.partition('@')[2], 'MX')


def test_demo_domain_is_reserved():
    # RFC 2606 keeps "example" out of the real DNS: a real installation refuses such addresses in any case
    assert maildomain.DOMAIN.endswith('.example')


def test_only_the_demo_installs_it():
    users = {path.relative_to(ROOT).as_posix() for folder in ('indico_oewg', 'demo', 'benchmarks', 'scripts')
             for path in (ROOT / folder).glob('**/*.py') if 'maildomain' in path.read_text(encoding='utf-8')}
    assert not [path for path in users if path.startswith('indico_oewg/')]
    assert 'demo/wsgi.py' in users
