"""Load the demo agency, once: when it already exists, a rerun creates nothing (so a demo
record someone deleted stays deleted). The data and how it is built live in ``crm.demo``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from crm.demo.build import demo_build, demo_exists
from crm.demo.data import DEMO_AGENCY, DEMO_PASSWORD, DEMO_USERNAME


class Command(BaseCommand):
    help = f"Load the demo agency {DEMO_AGENCY!r} once (login {DEMO_USERNAME} / {DEMO_PASSWORD})."

    def handle(self, *args: Any, **options: Any) -> None:
        if demo_exists():
            self.stdout.write(
                f"The demo agency {DEMO_AGENCY!r} already exists: nothing created. "
                f"Sign in as {DEMO_USERNAME} / {DEMO_PASSWORD}."
            )
            return
        created = demo_build()
        summary = ", ".join(f"{n} {kind}" for kind, n in created.items())
        self.stdout.write(f"Demo agency {DEMO_AGENCY!r}: created {summary}.")
        self.stdout.write(f"Sign in as {DEMO_USERNAME} / {DEMO_PASSWORD}.")
