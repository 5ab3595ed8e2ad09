from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accounts.models import Agency
from crm.notifications.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Remind agents of proposals expiring within 3 days without an answer and of bookings "
        "departing within 30 days with a balance due, once per occasion. Workers do this every "
        "hour (the periodic job notifications.reminders_tick); run it by hand in the SQLite "
        "development mode, where nothing is scheduled. Running it twice reminds nobody twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="only this agency (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        agencies = Agency.objects.order_by("pk")
        if options["agency"]:
            agencies = agencies.filter(slug=options["agency"])
        total = sum(reminders_send(agency_id=pk) for pk in agencies.values_list("pk", flat=True))
        self.stdout.write(f"Sent {total} new reminder(s).")
