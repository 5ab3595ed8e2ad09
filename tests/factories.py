"""factory_boy factories for every model. Tenant records default to the agency of their parent.

Each factory is exported typed as a `ModelFactory` of its model: factory_boy's metaclass makes
`ClientFactory(...)` return a `Client`, which mypy cannot see on the class itself (it takes any
call on a class to return an instance of that class, whatever `__new__` or the metaclass say).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar, cast

import factory
from django.db.models import Model
from factory.django import DjangoModelFactory

from accounts.models import Agency, ApiToken, Role, User
from accounts.services import IssuedToken, api_token_create
from crm.models import (
    Booking,
    BookingService,
    Client,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    LibraryItem,
    Payment,
    Proposal,
    Supplier,
    Task,
    Traveller,
)

PASSWORD = "correct-horse-battery"

M = TypeVar("M", bound=Model)
M_co = TypeVar("M_co", bound=Model, covariant=True)


class ModelFactory(Protocol[M_co]):
    """A factory_boy factory of model M as its callers use it: every call returns M rows."""

    def __call__(self, **kwargs: Any) -> M_co: ...
    def create(self, **kwargs: Any) -> M_co: ...
    def build(self, **kwargs: Any) -> M_co: ...
    def create_batch(self, size: int, **kwargs: Any) -> Sequence[M_co]: ...
    def build_batch(self, size: int, **kwargs: Any) -> Sequence[M_co]: ...


def _typed(factory_class: type[DjangoModelFactory[M]]) -> ModelFactory[M]:
    """The factory class itself, seen by the type checker as the model factory it really is."""
    return cast("ModelFactory[M]", factory_class)


class _AgencyFactory(DjangoModelFactory[Agency]):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    default_currency = "EUR"


AgencyFactory = _typed(_AgencyFactory)


class _UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    name = factory.Faker("name")
    agency = factory.SubFactory(_AgencyFactory)
    role = Role.AGENT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


UserFactory = _typed(_UserFactory)


class _ClientFactory(DjangoModelFactory[Client]):
    class Meta:
        model = Client

    agency = factory.SubFactory(_AgencyFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"client{n}@example.com")
    phone = factory.Sequence(lambda n: f"+44 20 7946 {n:04d}")
    country = "United Kingdom"
    status = "active"
    source = "dashboard"
    tags = factory.LazyFunction(list)


ClientFactory = _typed(_ClientFactory)


class _TravellerFactory(DjangoModelFactory[Traveller]):
    class Meta:
        model = Traveller

    client = factory.SubFactory(_ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    date_of_birth = dt.date(1985, 4, 12)
    gender = "F"
    nationality = "GB"
    passport_number = factory.Sequence(lambda n: f"P{n:08d}")
    passport_country = "GB"
    passport_issued_on = dt.date(2020, 1, 15)
    passport_expires_on = dt.date(2030, 1, 15)


TravellerFactory = _typed(_TravellerFactory)


class _ItineraryFactory(DjangoModelFactory[Itinerary]):
    class Meta:
        model = Itinerary

    client = factory.SubFactory(_ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    title = factory.Sequence(lambda n: f"Trip {n}")
    status = "draft"
    start_date = dt.date(2027, 3, 1)
    end_date = dt.date(2027, 3, 10)
    travellers = 2


ItineraryFactory = _typed(_ItineraryFactory)


class _ItineraryDayFactory(DjangoModelFactory[ItineraryDay]):
    class Meta:
        model = ItineraryDay

    itinerary = factory.SubFactory(_ItineraryFactory)
    day_number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Day {n + 1}")
    location = "Lisbon"


ItineraryDayFactory = _typed(_ItineraryDayFactory)


class _ItineraryItemFactory(DjangoModelFactory[ItineraryItem]):
    class Meta:
        model = ItineraryItem

    day = factory.SubFactory(_ItineraryDayFactory)
    position = factory.Sequence(lambda n: n)
    kind = "activity"
    title = factory.Sequence(lambda n: f"Activity {n}")


ItineraryItemFactory = _typed(_ItineraryItemFactory)


class _ProposalFactory(DjangoModelFactory[Proposal]):
    class Meta:
        model = Proposal

    client = factory.SubFactory(_ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    status = "draft"
    currency = "EUR"
    total_price = Decimal("1250.00")
    valid_until = dt.date(2027, 1, 31)


ProposalFactory = _typed(_ProposalFactory)


class _BookingFactory(DjangoModelFactory[Booking]):
    class Meta:
        model = Booking

    client = factory.SubFactory(_ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    reference = factory.Sequence(lambda n: f"BK-TEST{n:04d}")
    status = "confirmed"
    currency = "EUR"
    total_price = Decimal("2000.00")
    amount_paid = Decimal("0.00")  # the sum of its payments: none yet
    start_date = dt.date(2027, 3, 1)
    end_date = dt.date(2027, 3, 10)


BookingFactory = _typed(_BookingFactory)


class _SupplierFactory(DjangoModelFactory[Supplier]):
    class Meta:
        model = Supplier

    agency = factory.SubFactory(_AgencyFactory)
    name = factory.Sequence(lambda n: f"Supplier {n}")
    type = "hotel"
    default_commission_rate = Decimal("10.00")


SupplierFactory = _typed(_SupplierFactory)


class _LibraryItemFactory(DjangoModelFactory[LibraryItem]):
    class Meta:
        model = LibraryItem

    agency = factory.SubFactory(_AgencyFactory)
    kind = "activity"
    title = factory.Sequence(lambda n: f"Library item {n}")


LibraryItemFactory = _typed(_LibraryItemFactory)


class _BookingServiceFactory(DjangoModelFactory[BookingService]):
    """A service row written directly (no recompute): tests of the figures use the service
    functions instead."""

    class Meta:
        model = BookingService

    booking = factory.SubFactory(_BookingFactory)
    agency = factory.LazyAttribute(lambda o: o.booking.agency)
    description = factory.Sequence(lambda n: f"Service {n}")
    kind = "hotel"
    currency = factory.LazyAttribute(lambda o: o.booking.currency)
    price = Decimal("100.00")
    cost = Decimal("80.00")


BookingServiceFactory = _typed(_BookingServiceFactory)


class _PaymentFactory(DjangoModelFactory[Payment]):
    class Meta:
        model = Payment

    booking = factory.SubFactory(_BookingFactory)
    agency = factory.LazyAttribute(lambda o: o.booking.agency)
    amount = Decimal("100.00")
    currency = "EUR"
    paid_on = dt.date(2026, 11, 1)


PaymentFactory = _typed(_PaymentFactory)


class _EnquiryFormFactory(DjangoModelFactory[EnquiryForm]):
    class Meta:
        model = EnquiryForm

    agency = factory.SubFactory(_AgencyFactory)
    name = factory.Sequence(lambda n: f"Website form {n}")
    allowed_origins = factory.LazyFunction(lambda: ["https://agency.example"])
    is_active = True


EnquiryFormFactory = _typed(_EnquiryFormFactory)


class _EnquiryFactory(DjangoModelFactory[Enquiry]):
    class Meta:
        model = Enquiry

    form = factory.SubFactory(_EnquiryFormFactory)
    agency = factory.LazyAttribute(lambda o: o.form.agency)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"enquirer{n}@example.com")


EnquiryFactory = _typed(_EnquiryFactory)


class _TaskFactory(DjangoModelFactory[Task]):
    class Meta:
        model = Task

    client = factory.SubFactory(_ClientFactory)
    agency = factory.LazyAttribute(lambda o: o.client.agency)
    title = factory.Sequence(lambda n: f"Task {n}")
    due_date = dt.date(2027, 3, 2)


TaskFactory = _typed(_TaskFactory)


def make_token(user: User, **kwargs: Any) -> IssuedToken:
    """Issue a real token through the service (returns the token row and its plaintext)."""
    kwargs.setdefault("name", "test token")
    return api_token_create(user=user, **kwargs)


__all__ = [
    "PASSWORD",
    "AgencyFactory",
    "ApiToken",
    "BookingFactory",
    "BookingServiceFactory",
    "ClientFactory",
    "EnquiryFactory",
    "EnquiryFormFactory",
    "ItineraryDayFactory",
    "ItineraryFactory",
    "ItineraryItemFactory",
    "ModelFactory",
    "PaymentFactory",
    "ProposalFactory",
    "SupplierFactory",
    "TaskFactory",
    "UserFactory",
    "make_token",
]
