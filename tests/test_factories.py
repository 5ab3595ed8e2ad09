"""The factories' typing says a call returns the model: this holds it to the truth at runtime."""

from __future__ import annotations

import pytest
from django.db.models import Model

from accounts import models as accounts
from crm import models as crm
from tests.factories import (
    AgencyFactory,
    BookingFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    LibraryItemFactory,
    ModelFactory,
    PaymentFactory,
    ProposalFactory,
    UserFactory,
)

CASES: list[tuple[ModelFactory[Model], type[Model]]] = [
    (AgencyFactory, accounts.Agency),
    (UserFactory, accounts.User),
    (ClientFactory, crm.Client),
    (ItineraryFactory, crm.Itinerary),
    (ItineraryDayFactory, crm.ItineraryDay),
    (ItineraryItemFactory, crm.ItineraryItem),
    (LibraryItemFactory, crm.LibraryItem),
    (ProposalFactory, crm.Proposal),
    (BookingFactory, crm.Booking),
    (PaymentFactory, crm.Payment),
    (EnquiryFormFactory, crm.EnquiryForm),
    (EnquiryFactory, crm.Enquiry),
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
