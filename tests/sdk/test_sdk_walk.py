"""The official Python SDK (sdk/python), generated from our schema, walks the API end to end
against a live server: every call below goes through the generated client only, and every answer
is parsed into its generated model. A schema that lies about a body or a status fails here
(the client raises on an undocumented status, and the models refuse a body missing a field)."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from itinera_client import AuthenticatedClient
from itinera_client.api.bookings import (
    bookings_create,
    bookings_destroy,
    bookings_partial_update,
    bookings_payments_create,
    bookings_payments_list,
    bookings_payments_void_create,
    bookings_retrieve,
)
from itinera_client.api.clients import (
    clients_archive_create,
    clients_create,
    clients_destroy,
    clients_list,
    clients_partial_update,
    clients_restore_create,
    clients_retrieve,
    clients_update,
)
from itinera_client.api.itineraries import (
    itineraries_create,
    itineraries_destroy,
    itineraries_list,
    itineraries_partial_update,
    itineraries_retrieve,
)
from itinera_client.api.me import me_retrieve
from itinera_client.api.proposals import (
    proposals_create,
    proposals_destroy,
    proposals_list,
    proposals_partial_update,
    proposals_retrieve,
    proposals_send_create,
)
from itinera_client.models import (
    BookingInputRequest,
    BookingStatusEnum,
    ClientInputRequest,
    ClientsListArchived,
    ClientsListStatus,
    ClientStatusEnum,
    Conflict,
    DuplicateConflict,
    Error,
    ItemKindEnum,
    ItineraryDayInputRequest,
    ItineraryInputRequest,
    ItineraryItemInputRequest,
    PatchedBookingInputRequest,
    PatchedClientInputRequest,
    PatchedItineraryInputRequest,
    PatchedProposalInputRequest,
    PaymentInputRequest,
    PaymentMethodEnum,
    ProposalInputRequest,
    ProposalSendRequest,
    ProposalsListStatus,
    ProposalStatusEnum,
    ValidationError,
    VoidRequest,
)
from itinera_client.types import Unset

from crm.models import Booking, Client, Itinerary, Payment
from tests.factories import AgencyFactory, ClientFactory

pytestmark = pytest.mark.postgres

T = TypeVar("T")


def ok(answer: T | Error | ValidationError | Conflict | DuplicateConflict | None) -> T:
    """A success answer, checked and narrowed to its model. The walk names no envelope or page
    model: their names follow the serializers (``ProposalEnvelope`` became
    ``ProposalDetailEnvelope`` when proposals grew versions), the fields read here do not."""
    assert answer is not None, "the answer's status is not in the schema"
    assert not isinstance(answer, Error | ValidationError | Conflict | DuplicateConflict), (
        f"an error came back: {answer!r}"
    )
    return answer


def expect(kind: type[T], answer: object) -> T:
    """The answer, checked to be the error model the walk expects."""
    assert isinstance(answer, kind), f"expected {kind.__name__}, got {answer!r}"
    return answer


def path_id(record_id: int) -> Any:
    """A record id for a path parameter. Typed ``Any`` on purpose: the schema types path ids as
    strings today and will type them as integers; the generated code sends ``str(id)`` either
    way, so the walk holds across that change."""
    return record_id


def test_the_sdk_walks_a_client_from_create_to_delete(sdk: AuthenticatedClient):
    me = ok(me_retrieve.sync(client=sdk)).data
    assert me.agency.name == "Sintra Journeys" and me.counts.clients == 0

    made = [
        ok(
            clients_create.sync(
                client=sdk,
                body=ClientInputRequest(name=f"Lead {n}", email=f"lead{n}@example.com"),
            ),
        ).data
        for n in range(3)
    ]
    active = ok(
        clients_create.sync(
            client=sdk,
            body=ClientInputRequest(
                name="Aisha Khan", status=ClientStatusEnum.ACTIVE, tags=["honeymoon"]
            ),
        ),
    ).data
    assert [c.status for c in made] == [ClientStatusEnum.LEAD] * 3  # a created client is a lead
    assert active.tags == ["honeymoon"] and isinstance(active.created_at, dt.datetime)

    leads = ok(
        clients_list.sync(client=sdk, status=ClientsListStatus.LEAD, per_page=2, page=2),
    )
    assert (leads.meta.total, leads.meta.last_page, leads.meta.current_page) == (3, 2, 2)
    assert leads.meta.per_page == 2 and len(leads.data) == 1
    tagged = ok(clients_list.sync(client=sdk, tag="honeymoon"))
    assert [c.id for c in tagged.data] == [active.id]

    one = ok(clients_retrieve.sync(path_id(made[0].id), client=sdk)).data
    assert (one.name, one.email) == ("Lead 0", "lead0@example.com")

    replaced = ok(
        clients_update.sync(
            path_id(one.id),
            client=sdk,
            body=ClientInputRequest(name="Lena Costa", email="lena@example.com", city="Porto"),
        ),
    ).data
    assert (replaced.name, replaced.city) == ("Lena Costa", "Porto")
    patched = ok(
        clients_partial_update.sync(
            path_id(one.id), client=sdk, body=PatchedClientInputRequest(phone="+351 912 345 678")
        ),
    ).data
    assert (patched.name, patched.phone) == ("Lena Costa", "+351 912 345 678")

    archived = ok(clients_archive_create.sync(path_id(one.id), client=sdk))
    assert archived.data.archived_at is not None
    listed = ok(clients_list.sync(client=sdk))
    assert one.id not in [c.id for c in listed.data] and listed.meta.total == 3
    only = ok(clients_list.sync(client=sdk, archived=ClientsListArchived.ONLY))
    assert [c.id for c in only.data] == [one.id]
    restored = ok(clients_restore_create.sync(path_id(one.id), client=sdk))
    assert restored.data.archived_at is None

    deleted = clients_destroy.sync_detailed(path_id(one.id), client=sdk)
    assert deleted.status_code == 204
    gone = expect(Error, clients_retrieve.sync(path_id(one.id), client=sdk))
    assert gone.message
    assert not Client.objects.filter(pk=one.id).exists()
    assert ok(me_retrieve.sync(client=sdk)).data.counts.clients == 3


def test_the_sdk_builds_an_itinerary_with_its_days_and_items(sdk: AuthenticatedClient):
    client = ok(clients_create.sync(client=sdk, body=ClientInputRequest(name="Ana Reis"))).data
    plan = [
        ItineraryDayInputRequest(
            title=f"Day {d}",
            location="Lisbon",
            items=[
                ItineraryItemInputRequest(
                    title=f"Day {d} item {i}", kind=ItemKindEnum.ACTIVITY, start_time="09:30"
                )
                for i in (1, 2)
            ],
        )
        for d in (1, 2, 3)
    ]
    made = ok(
        itineraries_create.sync(
            client=sdk,
            body=ItineraryInputRequest(
                client_id=client.id,
                title="Portugal in spring",
                start_date=dt.date(2027, 5, 1),
                end_date=dt.date(2027, 5, 3),
                travellers=2,
                days=plan,
            ),
        ),
    ).data
    assert [d.day_number for d in made.days] == [1, 2, 3]
    assert made.days[2].items[1].title == "Day 3 item 2"
    assert made.start_date == dt.date(2027, 5, 1)

    listed = ok(itineraries_list.sync(client=sdk, client_id=client.id))
    assert [i.id for i in listed.data] == [made.id] and listed.meta.total == 1

    renamed = ok(
        itineraries_partial_update.sync(
            path_id(made.id), client=sdk, body=PatchedItineraryInputRequest(title="Portugal")
        ),
    ).data
    assert renamed.title == "Portugal" and len(renamed.days) == 3  # no days: the plan stays
    replanned = ok(
        itineraries_partial_update.sync(
            path_id(made.id), client=sdk, body=PatchedItineraryInputRequest(days=plan[:1])
        ),
    ).data
    assert [len(d.items) for d in replanned.days] == [2]
    read = ok(itineraries_retrieve.sync(path_id(made.id), client=sdk))
    assert read.data.days[0].items[0].start_time == "09:30:00"

    assert itineraries_destroy.sync_detailed(path_id(made.id), client=sdk).status_code == 204
    assert isinstance(itineraries_retrieve.sync(path_id(made.id), client=sdk), Error)
    assert not Itinerary.objects.filter(pk=made.id).exists()


def test_the_sdk_takes_a_proposal_to_a_booking_and_a_payment(sdk: AuthenticatedClient):
    client = ok(
        clients_create.sync(
            client=sdk, body=ClientInputRequest(name="Rui Matos", email="rui@example.com")
        ),
    ).data
    itinerary = ok(
        itineraries_create.sync(
            client=sdk, body=ItineraryInputRequest(client_id=client.id, title="Azores")
        ),
    ).data

    proposal = ok(
        proposals_create.sync(
            client=sdk,
            body=ProposalInputRequest(
                title="Azores, 7 nights",
                itinerary_id=itinerary.id,
                total_price="2480.00",
                valid_until=dt.date(2027, 1, 31),
            ),
        ),
    ).data
    assert (proposal.client_id, proposal.status) == (client.id, ProposalStatusEnum.DRAFT)
    assert Decimal(proposal.total_price) == Decimal("2480.00") and proposal.currency == "EUR"
    repriced = ok(
        proposals_partial_update.sync(
            path_id(proposal.id), client=sdk, body=PatchedProposalInputRequest(total_price="2500")
        ),
    ).data
    assert repriced.total_price == "2500.00"
    sent = ok(
        proposals_send_create.sync(
            path_id(proposal.id), client=sdk, body=ProposalSendRequest(message="Enjoy!")
        ),
    ).data
    assert sent.status == ProposalStatusEnum.SENT and sent.sent_at is not None
    drafts = ok(proposals_list.sync(client=sdk, status=ProposalsListStatus.DRAFT))
    assert drafts.meta.total == 0
    assert ok(proposals_retrieve.sync(path_id(proposal.id), client=sdk))

    booking = ok(
        bookings_create.sync(
            client=sdk,
            body=BookingInputRequest(
                client_id=client.id,
                proposal_id=proposal.id,
                total_price="2500.00",
                start_date=dt.date(2027, 6, 1),
                end_date=dt.date(2027, 6, 8),
            ),
        ),
    ).data
    assert (booking.amount_paid, booking.balance_due) == ("0.00", "2500.00")
    confirmed = ok(
        bookings_partial_update.sync(
            path_id(booking.id),
            client=sdk,
            body=PatchedBookingInputRequest(status=BookingStatusEnum.CONFIRMED),
        ),
    ).data
    assert confirmed.status == BookingStatusEnum.CONFIRMED
    refused = expect(
        Conflict,
        bookings_partial_update.sync(
            path_id(booking.id),
            client=sdk,
            body=PatchedBookingInputRequest(status=BookingStatusEnum.PENDING),
        ),
    )
    # Statuses move along their table, also through the SDK: the state's 409, typed.
    assert refused.errors and "status" in refused.errors
    assert "cannot become pending" in refused.message

    payment = ok(
        bookings_payments_create.sync(
            path_id(booking.id),
            client=sdk,
            body=PaymentInputRequest(
                amount="750.00", method=PaymentMethodEnum.BANK_TRANSFER, reference="DEP-1"
            ),
            idempotency_key="deposit-1",
        ),
    ).data
    assert (payment.amount, payment.currency, payment.is_voided) == ("750.00", "EUR", False)
    after = ok(bookings_retrieve.sync(path_id(booking.id), client=sdk))
    assert (after.data.amount_paid, after.data.balance_due) == ("750.00", "1750.00")
    assert [p.id for p in after.data.payments] == [payment.id]
    listed = ok(bookings_payments_list.sync(path_id(booking.id), client=sdk))
    assert listed.meta.total == 1

    voided = ok(
        bookings_payments_void_create.sync(
            path_id(booking.id),
            path_id(payment.id),
            client=sdk,
            body=VoidRequest(reason="bounced"),
        ),
    ).data
    assert voided.is_voided and voided.void_reason == "bounced"
    again = ok(bookings_retrieve.sync(path_id(booking.id), client=sdk))
    assert again.data.amount_paid == "0.00"

    assert bookings_destroy.sync_detailed(path_id(booking.id), client=sdk).status_code == 204
    assert proposals_destroy.sync_detailed(path_id(proposal.id), client=sdk).status_code == 204
    assert not Booking.objects.filter(pk=booking.id).exists()
    assert not Payment.objects.filter(pk=payment.id).exists()


def test_a_422_parses_to_the_typed_validation_error_and_changes_nothing(
    sdk: AuthenticatedClient,
):
    answer = clients_create.sync_detailed(client=sdk, body=ClientInputRequest(name="  "))
    assert answer.status_code == 422
    refused = expect(ValidationError, answer.parsed)
    assert refused.message and list(refused.errors.additional_properties) == ["name"]
    assert refused.errors["name"] and isinstance(refused.errors["name"][0], str)

    client = ok(clients_create.sync(client=sdk, body=ClientInputRequest(name="Eva"))).data
    booking = ok(
        bookings_create.sync(
            client=sdk, body=BookingInputRequest(client_id=client.id, total_price="100.00")
        ),
    ).data
    # More than the balance due: the booking's state refuses it, a 409 with the same errors.
    overpaid = expect(
        Conflict,
        bookings_payments_create.sync(
            path_id(booking.id), client=sdk, body=PaymentInputRequest(amount="900.00")
        ),
    )
    assert not isinstance(overpaid.errors, Unset) and "amount" in overpaid.errors
    assert Client.objects.count() == 1 and not Payment.objects.exists()


def test_a_missing_or_foreign_record_parses_to_the_typed_404_error(sdk: AuthenticatedClient):
    foreign = ClientFactory(agency=AgencyFactory(name="Beta Travel", slug="beta"))
    missing = clients_retrieve.sync_detailed(path_id(foreign.pk + 1000), client=sdk)
    theirs = clients_retrieve.sync_detailed(path_id(foreign.pk), client=sdk)
    assert (missing.status_code, theirs.status_code) == (404, 404)
    assert expect(Error, missing.parsed).message == expect(Error, theirs.parsed).message
    assert missing.content == theirs.content  # nothing tells "not yours" from "not there"
    patched = clients_partial_update.sync_detailed(
        path_id(foreign.pk), client=sdk, body=PatchedClientInputRequest(name="Mine now")
    )
    assert patched.status_code == 404 and isinstance(patched.parsed, Error)
    foreign.refresh_from_db()
    assert foreign.name != "Mine now"


def test_the_async_functions_read_the_same_answers(sdk: AuthenticatedClient):
    made = ok(clients_create.sync(client=sdk, body=ClientInputRequest(name="Ines"))).data

    async def read() -> tuple[Any, list[int]]:
        async with sdk:
            one = ok(await clients_retrieve.asyncio(path_id(made.id), client=sdk))
            page = ok(await clients_list.asyncio(client=sdk, q="Ines"))
            return one.data, [c.id for c in page.data]

    one, ids = asyncio.run(read())
    assert one == made and ids == [made.id]
