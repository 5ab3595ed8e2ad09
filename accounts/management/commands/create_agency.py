from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.services import agency_create


class Command(BaseCommand):
    help = 'Create an agency and its owner: create_agency "NAME" --owner USERNAME --email EMAIL'

    def add_arguments(self, parser):
        parser.add_argument("name", help="The agency's name")
        parser.add_argument("--owner", required=True, help="Username of the owner to create")
        parser.add_argument("--email", required=True, help="Email of the owner")
        parser.add_argument("--password", help="Owner's password (omit to set one later)")
        parser.add_argument("--currency", default="EUR", help="Default ISO 4217 currency")
        parser.add_argument("--timezone", default="UTC", help="IANA timezone name")

    def handle(self, *args, **options):
        try:
            agency, owner = agency_create(
                name=options["name"],
                owner_username=options["owner"],
                owner_email=options["email"],
                owner_password=options["password"],
                default_currency=options["currency"],
                timezone_name=options["timezone"],
            )
        except ValidationError as exc:
            raise CommandError(_describe(exc)) from exc
        self.stdout.write(
            f"Created agency {agency.name!r} (slug {agency.slug}, id {agency.pk}) "
            f"with owner {owner.username} <{owner.email}>."
        )
        if not options["password"]:
            self.stdout.write(
                f"No password set: run `python manage.py changepassword {owner.username}`."
            )


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
