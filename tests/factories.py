"""factory_boy factories for every model. Tenant records default to the agency of their parent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from accounts.models import Agency, ApiToken, Role, User
from accounts.services import IssuedToken, api_token_create
from crm.models import (
    Booking,
    Client,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    Proposal,
)

PASSWORD = "correct-horse-battery"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    default_currency = "EUR"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    name = factory.Faker("name")
    agency = factory.SubFactory(AgencyFactory)
    role = Role.AGENT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ClientFactory(DjangoModelFactory):
    class Meta:
        model = Client

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"client{n}@example.com")
    phone = factory.Sequence(lambda n: f"+44 20 7946 {n:04d}")
    country = "United Kingdom"
    status = "active"
    source = "dashboard"
    tags = factory.LazyFunction(list)


class ItineraryFactory(DjangoModelFactory):
    class Meta:
        model = Itinerary

    client = factory.SubFactory(ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    title = factory.Sequence(lambda n: f"Trip {n}")
    status = "draft"
    start_date = dt.date(2027, 3, 1)
    end_date = dt.date(2027, 3, 10)
    travellers = 2


class ItineraryDayFactory(DjangoModelFactory):
    class Meta:
        model = ItineraryDay

    itinerary = factory.SubFactory(ItineraryFactory)
    day_number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Day {n + 1}")
    location = "Lisbon"


class ItineraryItemFactory(DjangoModelFactory):
    class Meta:
        model = ItineraryItem

    day = factory.SubFactory(ItineraryDayFactory)
    position = factory.Sequence(lambda n: n)
    kind = "activity"
    title = factory.Sequence(lambda n: f"Activity {n}")


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal

    client = factory.SubFactory(ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    status = "draft"
    currency = "EUR"
    total_price = Decimal("1250.00")
    valid_until = dt.date(2027, 1, 31)


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    client = factory.SubFactory(ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    reference = factory.Sequence(lambda n: f"BK-TEST{n:04d}")
    status = "confirmed"
    currency = "EUR"
    total_price = Decimal("2000.00")
    amount_paid = Decimal("500.00")
    start_date = dt.date(2027, 3, 1)
    end_date = dt.date(2027, 3, 10)


class PaymentFactory(DjangoModelFactory):
    class Meta:
        model = Payment

    booking = factory.SubFactory(BookingFactory)
    agency = factory.LazyAttribute(lambda o: o.booking.agency)
    amount = Decimal("100.00")
    currency = "EUR"
    paid_on = dt.date(2026, 11, 1)


class EnquiryFormFactory(DjangoModelFactory):
    class Meta:
        model = EnquiryForm

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Website form {n}")
    allowed_origins = factory.LazyFunction(lambda: ["https://agency.example"])
    is_active = True


class EnquiryFactory(DjangoModelFactory):
    class Meta:
        model = Enquiry

    form = factory.SubFactory(EnquiryFormFactory)
    agency = factory.LazyAttribute(lambda o: o.form.agency)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"enquirer{n}@example.com")


def make_token(user: User, **kwargs) -> IssuedToken:
    """Issue a real token through the service (returns the token row and its plaintext)."""
    kwargs.setdefault("name", "test token")
    return api_token_create(user=user, **kwargs)


__all__ = [
    "PASSWORD",
    "AgencyFactory",
    "ApiToken",
    "BookingFactory",
    "ClientFactory",
    "EnquiryFactory",
    "EnquiryFormFactory",
    "ItineraryDayFactory",
    "ItineraryFactory",
    "ItineraryItemFactory",
    "PaymentFactory",
    "ProposalFactory",
    "UserFactory",
    "make_token",
]
