# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

from celery.schedules import crontab

from indico.core.celery import celery


@celery.periodic_task(name='oewg_close_no_objection_periods', run_every=crontab(minute='*/5'), plugin='oewg')
def close_no_objection_periods():
    """Close the no-objection periods whose deadline has passed."""
    from indico_oewg.observers.operations import close_expired_periods
    close_expired_periods()
