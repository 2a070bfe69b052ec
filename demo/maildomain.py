# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The demo's mail domain, deliverable for Indico's e-mail check even offline.

Indico checks that an address can receive mail (``validate_email_verbose`` in ``indico/util/string.py``: the
``email_validator`` package asks dnspython's default resolver for the domain's MX, then A/AAAA records). Offline every
lookup fails, so Indico refuses every address, and ``@example.com`` is let through only while ``DEBUG`` is on.

The demo's WSGI entry point (``demo/wsgi.py``) and its seed install a resolver that answers for ``DOMAIN`` alone and
asks the real DNS about every other name. ``DOMAIN`` lies under ``example``, a top-level name reserved by RFC 2606 that
the real DNS never delegates: in a real installation such an address is refused even if this module were loaded, and
nothing here changes how any other address is checked. The plugin never imports it.
"""

import dns.message
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.resolver


DOMAIN = 'oewg-demo.example'
#: where mail for the demo domain would go (nothing is sent there: the demo's SMTP server is a local sink)
MAIL_EXCHANGER = f'mail.{DOMAIN}.'
_ZONE = dns.name.from_text(DOMAIN)


def address(local_part):
    """An e-mail address in the demo's mail domain."""
    return f'{local_part}@{DOMAIN}'


def _answer(qname, rdtype):
    query = dns.message.make_query(qname, rdtype)
    response = dns.message.make_response(query)
    # through find_rrset, which indexes the record: the answer section's list alone is not looked at
    rrset = response.find_rrset(response.answer, qname, dns.rdataclass.IN, rdtype, create=True)
    rrset.add(dns.rdata.from_text(dns.rdataclass.IN, rdtype, f'10 {MAIL_EXCHANGER}'), 300)
    return dns.resolver.Answer(qname, rdtype, dns.rdataclass.IN, response)


class DemoResolver(dns.resolver.Resolver):
    """dnspython's resolver, with an MX record for the demo's mail domain and nothing else for it."""

    def resolve(self, qname, rdtype=dns.rdatatype.A, *args, **kwargs):
        name = dns.name.from_text(qname) if isinstance(qname, str) else qname
        if not name.is_subdomain(_ZONE):
            return super().resolve(qname, rdtype, *args, **kwargs)
        rdtype = dns.rdatatype.RdataType.make(rdtype)
        if name == _ZONE and rdtype == dns.rdatatype.MX:
            return _answer(name, rdtype)
        if name == _ZONE or name == dns.name.from_text(MAIL_EXCHANGER):
            raise dns.resolver.NoAnswer(response=dns.message.make_response(dns.message.make_query(name, rdtype)))
        raise dns.resolver.NXDOMAIN(qnames=[name])


def install():
    """Make the demo resolver dnspython's default one (which ``email_validator`` uses) in this process."""
    if isinstance(dns.resolver.default_resolver, DemoResolver):
        return
    try:
        resolver = DemoResolver()
    except dns.resolver.NoResolverConfiguration:
        # no /etc/resolv.conf: only the demo domain can be answered anyway
        resolver = DemoResolver(configure=False)
        resolver.nameservers = ['127.0.0.1']
    dns.resolver.default_resolver = resolver
