"""A procrastinate worker for the webhook tests, with retries one second apart (the real
schedule waits minutes): ``python -m tests.webhooks.run_worker``."""

from __future__ import annotations

import datetime as dt

import django

if __name__ == "__main__":
    django.setup()
    from django.core.management import call_command

    from crm.webhooks import dispatch

    dispatch.RETRY_DELAYS = (dt.timedelta(seconds=1),) * len(dispatch.RETRY_DELAYS)
    call_command("procrastinate", "worker", "--concurrency", "1")
