import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Model

from accounts.models import Agency, ApiToken, Role, User
from crm.models import (
    Booking,
    Client,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    Proposal,
)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
class TestCreateAgency:
    def test_it_creates_the_agency_and_its_owner(self):
        output = run(
            "create_agency",
            "Sunrise Journeys",
            "--owner",
            "sun",
            "--email",
            "Sun@Example.com",
            "--password",
            "s3cret-pass!",
        )
        agency = Agency.objects.get(name="Sunrise Journeys")
        owner = User.objects.get(username="sun")
        assert agency.slug == "sunrise-journeys"
        assert owner.agency == agency
        assert owner.role == Role.OWNER
        assert owner.email == "sun@example.com"
        assert owner.check_password("s3cret-pass!")
        assert "Sunrise Journeys" in output

    def test_without_a_password_the_owner_cannot_sign_in_yet(self):
        output = run(
            "create_agency", "Quiet Travel", "--owner", "quiet", "--email", "q@example.com"
        )
        assert not User.objects.get(username="quiet").has_usable_password()
        assert "changepassword quiet" in output

    def test_it_refuses_a_taken_username_and_creates_nothing(self, alice):
        agencies = Agency.objects.count()
        with pytest.raises(CommandError, match="taken"):
            run("create_agency", "Dup", "--owner", "alice", "--email", "new@example.com")
        assert Agency.objects.count() == agencies

    def test_two_agencies_with_the_same_name_get_distinct_slugs(self):
        run("create_agency", "Globe", "--owner", "g1", "--email", "g1@example.com")
        run("create_agency", "Globe", "--owner", "g2", "--email", "g2@example.com")
        assert sorted(Agency.objects.values_list("slug", flat=True)) == ["globe", "globe-2"]


@pytest.mark.django_db
class TestCreateApiToken:
    def test_it_prints_the_token_alone_on_the_last_line(self, alice):
        output = run("create_api_token", "alice", "--name", "Website", "--rate", "120")
        last_line = output.strip().splitlines()[-1]
        assert last_line.startswith("itn_")
        assert " " not in last_line
        token = ApiToken.objects.get(user=alice)
        assert token.name == "Website"
        assert token.rate_limit == 120
        assert last_line.startswith(token.prefix + ".")

    def test_the_user_may_be_named_by_email(self, alice):
        output = run("create_api_token", "ALICE@alpha.example")
        assert output.strip().splitlines()[-1].startswith("itn_")
        assert ApiToken.objects.filter(user=alice).count() == 1

    def test_the_stored_digest_does_not_contain_the_token(self, alice):
        plaintext = run("create_api_token", "alice").strip().splitlines()[-1]
        secret = plaintext.split(".", 1)[1]
        token = ApiToken.objects.get(user=alice)
        stored = " ".join(
            str(v) for v in ApiToken.objects.filter(pk=token.pk).values().first().values()
        )
        assert secret not in stored
        assert plaintext not in stored
        assert token.verify(secret)
        assert not token.verify(secret + "x")

    def test_the_default_rate_is_sixty_per_minute(self, alice):
        run("create_api_token", "alice")
        assert ApiToken.objects.get(user=alice).rate_limit == 60

    def test_an_unknown_user_is_a_clear_error(self, db):
        with pytest.raises(CommandError, match="No user"):
            run("create_api_token", "nobody")
        assert not ApiToken.objects.exists()


SEEDED: list[type[Model]] = [
    Agency,
    User,
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Proposal,
    Booking,
    Payment,
    EnquiryForm,
]


@pytest.mark.django_db
class TestSeedDemo:
    def test_it_loads_a_realistic_demo_agency(self):
        run("seed_demo")
        agency = Agency.objects.get(slug="horizon-travel")
        assert User.objects.get(username="demo").check_password("itinera-demo")
        clients = Client.objects.for_agency(agency)
        assert clients.count() >= 15
        assert set(clients.values_list("status", flat=True)) == {"lead", "active", "inactive"}
        assert any(c.tags for c in clients)
        itinerary = Itinerary.objects.for_agency(agency).get(title__startswith="Maldives")
        assert itinerary.days.count() >= 3
        assert ItineraryItem.objects.filter(day__itinerary=itinerary).count() >= 8
        assert Proposal.objects.for_agency(agency).exists()
        assert Booking.objects.for_agency(agency).filter(amount_paid__gt=0).exists()

    def test_running_it_twice_creates_nothing_new(self):
        run("seed_demo")
        before = {model: model.objects.count() for model in SEEDED}
        output = run("seed_demo")
        assert {model: model.objects.count() for model in SEEDED} == before
        assert "already exists: nothing created" in output
