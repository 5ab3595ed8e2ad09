"""Settings of the worker processes the queue tests start: the test settings, plus the test
jobs (tests/jobs/tasks.py). DATABASE_URL (the test database) comes from the test."""

from config.settings_test import *  # noqa: F403
from config.settings_test import PROCRASTINATE_IMPORT_PATHS

PROCRASTINATE_IMPORT_PATHS = [*PROCRASTINATE_IMPORT_PATHS, "tests.jobs.tasks"]
JOBS_MODE = "queue"
