from django.core.management.base import BaseCommand

from core.idempotency import purge_expired


class Command(BaseCommand):
    help = (
        "Delete Idempotency-Key records older than IDEMPOTENCY_KEY_TTL (24 h). Replays only "
        "ever read fresh records; run this daily (cron) to keep the table small."
    )

    def handle(self, *args, **options):
        deleted = purge_expired()
        self.stdout.write(f"Deleted {deleted} expired idempotency record(s).")
