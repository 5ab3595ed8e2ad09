"""Settings of the worker processes the webhook worker tests start: the test settings, queue
mode, a local receiver allowed (loopback over http, as in debug)."""

from config.settings_test import *  # noqa: F403

JOBS_MODE = "queue"
DEBUG = True
WEBHOOK_ALLOW_PRIVATE_TARGETS = True
