# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from celery.schedules import crontab

from indico.core.celery import celery


@celery.periodic_task(name='oewg_close_speakers_lists', run_every=crontab(minute='*'), plugin='oewg')
def close_speakers_lists():
    """Close inscription to the lists of speakers whose deadline has passed (every minute: a deadline is to the
    minute; inscriptions after it are refused even before the task runs).
    """
    from indico_oewg.speakers.operations import close_expired_lists
    close_expired_lists()
