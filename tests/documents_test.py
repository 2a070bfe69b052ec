# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The shared documents module: the dates of a session as documents print them."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from indico_oewg.documents import format_session_dates


@pytest.mark.parametrize(('start', 'end', 'locale', 'expected'), (
    ((2023, 8, 28), (2023, 9, 1), 'en_GB', '28 August – 1 September 2023'),
    ((2022, 5, 9), (2022, 5, 13), 'en_GB', '9–13 May 2022'),
    ((2022, 12, 30), (2023, 1, 2), 'en_GB', '30 December 2022 – 2 January 2023'),
    ((2022, 5, 9), (2022, 5, 9), 'en_GB', '9 May 2022'),
    ((2023, 8, 28), (2023, 9, 1), 'fr_FR', '28 août – 1 septembre 2023'),
))
def test_session_dates_have_their_months_written_out(start, end, locale, expected):
    session = SimpleNamespace(start_dt_local=datetime(*start, 10), end_dt_local=datetime(*end, 18))
    assert format_session_dates(session, locale) == expected
