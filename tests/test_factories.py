"""The factories' typing says a call returns the model: this holds it to the truth at runtime."""

from __future__ import annotations

import pytest
from django.db.models import Model

from accounts.models import Agency, User
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
from tests.factories import (
    AgencyFactory,
    BookingFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ModelFactory,
    PaymentFactory,
    ProposalFactory,
    UserFactory,
)

CASES: list[tuple[ModelFactory[Model], type[Model]]] = [
    (AgencyFactory, Agency),
    (UserFactory, User),
    (ClientFactory, Client),
    (ItineraryFactory, Itinerary),
    (ItineraryDayFactory, ItineraryDay),
    (ItineraryItemFactory, ItineraryItem),
    (ProposalFactory, Proposal),
    (BookingFactory, Booking),
    (PaymentFactory, Payment),
    (EnquiryFormFactory, EnquiryForm),
    (EnquiryFactory, Enquiry),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "model"), CASES, ids=[model.__name__ for _, model in CASES])
def test_each_factory_call_returns_a_saved_row_of_its_model(
    make: ModelFactory[Model], model: type[Model]
) -> None:
    row = make()
    assert type(row) is model
    assert model._default_manager.filter(pk=row.pk).exists()
    batch = make.create_batch(2)
    assert [type(r) for r in batch] == [model, model]
    built = make.build()
    assert type(built) is model
    assert built.pk is None or not model._default_manager.filter(pk=built.pk).exists()
