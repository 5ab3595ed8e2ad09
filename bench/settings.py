"""Benchmark settings: production settings plus the bench app and its ceiling endpoints.

Used only by ``bench/run`` (gunicorn and ``manage.py`` with
``DJANGO_SETTINGS_MODULE=bench.settings``). The ceilings in ``bench.urls`` are never mounted
by ``config.urls``, and ``config.settings`` never installs the bench app: production cannot
reach either.
"""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
