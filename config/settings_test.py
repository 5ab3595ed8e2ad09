"""Settings for the test suite: the real settings with test-safe defaults for missing env vars."""

import os

os.environ.setdefault("SECRET_KEY", "itinera-test-secret-key")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# A fixed key for the fields encrypted at rest (core.crypto); tests of rotation override it.
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdC1maWVsZC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=")
os.environ.setdefault("CACHE_KEY_PREFIX", f"itinera-test-{os.getpid()}")

from config.settings import *  # noqa: F403
from config.settings import ALLOWED_HOSTS, INSTALLED_APPS, STORAGES

ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
# The bench app (never installed in production) so that the tests of its data generator run
# it through call_command; its ceiling URLs stay unmounted unless a test sets bench.urls.
# rest_framework.authtoken for the bench's stock-DRF peer (bench/stock_drf.py), as bench.settings.
INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework.authtoken", "bench"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Query-count tests count the token lookup of every request; the token cache has its own tests
# (tests/api/test_token_cache.py), which turn it on.
API_TOKEN_CACHE_SECONDS = 0
# Jobs run in-process after their transaction commits, and a failing job fails its test; the
# tests of the queue itself (tests/core/test_jobs.py, the worker tests) switch to "queue".
JOBS_MODE = "inline"
# Links in emails (core.mail.absolute).
SITE_URL = "https://crm.itinera.test"
JOBS_INLINE_RAISE = True
