from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.management.commands.create_agency import _describe
from accounts.services import api_token_create, user_find


class Command(BaseCommand):
    help = (
        "Issue an API token for a user (by username or email). "
        "The token is printed alone on the last line and is never shown again."
    )

    def add_arguments(self, parser):
        parser.add_argument("user", help="Username or email of the token's owner")
        parser.add_argument("--name", default="CLI token", help="A label for the token")
        parser.add_argument("--rate", type=int, help="Requests per minute (default 60)")
        parser.add_argument("--read-only", action="store_true", help="Refuse writes")

    def handle(self, *args, **options):
        user = user_find(options["user"])
        if user is None:
            raise CommandError(f"No user with username or email {options['user']!r}.")
        try:
            issued = api_token_create(
                user=user,
                name=options["name"],
                rate_limit=options["rate"],
                read_only=options["read_only"],
            )
        except ValidationError as exc:
            raise CommandError(_describe(exc)) from exc
        token = issued.token
        self.stdout.write(
            f"Token {token.name!r} for {user.username} ({user.agency}), "
            f"{token.rate_limit} requests/minute{', read-only' if token.read_only else ''}. "
            "Copy it now: it is not stored and cannot be shown again."
        )
        self.stdout.write(issued.plaintext)
