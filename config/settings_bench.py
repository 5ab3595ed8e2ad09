"""Benchmark settings: production settings plus the bench-only ceiling endpoints.

Used only by ``bench/run`` (gunicorn ``DJANGO_SETTINGS_MODULE=config.settings_bench``). The
ceilings in ``config.urls_bench`` are never mounted by ``config.urls``: production cannot
reach them.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "config.urls_bench"
