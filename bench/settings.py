"""Benchmark settings: production settings plus the bench app and its ceiling endpoints.

Used only by ``bench/run`` (gunicorn and ``manage.py`` with
``DJANGO_SETTINGS_MODULE=bench.settings``). The ceilings in ``bench.urls`` are never mounted
by ``config.urls``, and ``config.settings`` never installs the bench app: production cannot
reach either.
"""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

# rest_framework.authtoken: the stock-DRF peer's TokenAuthentication (bench/stock_drf.py).
INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework.authtoken", "bench"]
ROOT_URLCONF = "bench.urls"

# The largest bench agency holds a quarter of the dataset (250,000 clients at 1M), past the
# production quota of 200,000: the lead-creation scenario must not meet it.
QUOTA_CLIENTS = 10_000_000
