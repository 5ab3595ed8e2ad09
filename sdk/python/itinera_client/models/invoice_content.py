from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_content_agency import InvoiceContentAgency
    from ..models.invoice_content_booking import InvoiceContentBooking
    from ..models.invoice_content_client import InvoiceContentClient
    from ..models.invoice_content_lines_item import InvoiceContentLinesItem
    from ..models.invoice_content_payment import InvoiceContentPayment
    from ..models.invoice_content_schedule_item import InvoiceContentScheduleItem
    from ..models.invoice_content_totals import InvoiceContentTotals


T = TypeVar("T", bound="InvoiceContent")


@_attrs_define
class InvoiceContent:
    """What the document froze at issue: the agency's letterhead, the client, the booking, and for an invoice its `lines`,
    `totals` and `schedule` (a receipt has `payment` and `totals`). Money as decimal strings, dates `YYYY-MM-DD`.

        Attributes:
            agency (InvoiceContentAgency):
            client (InvoiceContentClient):
            booking (InvoiceContentBooking):
            currency (str):
            totals (InvoiceContentTotals):
            lines (list[InvoiceContentLinesItem] | Unset):
            schedule (list[InvoiceContentScheduleItem] | Unset):
            payment (InvoiceContentPayment | Unset):
    """

    agency: InvoiceContentAgency
    client: InvoiceContentClient
    booking: InvoiceContentBooking
    currency: str
    totals: InvoiceContentTotals
    lines: list[InvoiceContentLinesItem] | Unset = UNSET
    schedule: list[InvoiceContentScheduleItem] | Unset = UNSET
    payment: InvoiceContentPayment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency.to_dict()

        client = self.client.to_dict()

        booking = self.booking.to_dict()

        currency = self.currency

        totals = self.totals.to_dict()

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        schedule: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schedule, Unset):
            schedule = []
            for schedule_item_data in self.schedule:
                schedule_item = schedule_item_data.to_dict()
                schedule.append(schedule_item)

        payment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment, Unset):
            payment = self.payment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agency": agency,
                "client": client,
                "booking": booking,
                "currency": currency,
                "totals": totals,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if payment is not UNSET:
            field_dict["payment"] = payment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_content_agency import InvoiceContentAgency  # noqa: PLC0415
        from ..models.invoice_content_booking import InvoiceContentBooking  # noqa: PLC0415
        from ..models.invoice_content_client import InvoiceContentClient  # noqa: PLC0415
        from ..models.invoice_content_lines_item import InvoiceContentLinesItem  # noqa: PLC0415
        from ..models.invoice_content_payment import InvoiceContentPayment  # noqa: PLC0415
        from ..models.invoice_content_schedule_item import InvoiceContentScheduleItem  # noqa: PLC0415
        from ..models.invoice_content_totals import InvoiceContentTotals  # noqa: PLC0415

        d = dict(src_dict)
        agency = InvoiceContentAgency.from_dict(d.pop("agency"))

        client = InvoiceContentClient.from_dict(d.pop("client"))

        booking = InvoiceContentBooking.from_dict(d.pop("booking"))

        currency = d.pop("currency")

        totals = InvoiceContentTotals.from_dict(d.pop("totals"))

        _lines = d.pop("lines", UNSET)
        lines: list[InvoiceContentLinesItem] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = InvoiceContentLinesItem.from_dict(lines_item_data)

                lines.append(lines_item)

        _schedule = d.pop("schedule", UNSET)
        schedule: list[InvoiceContentScheduleItem] | Unset = UNSET
        if _schedule is not UNSET:
            schedule = []
            for schedule_item_data in _schedule:
                schedule_item = InvoiceContentScheduleItem.from_dict(schedule_item_data)

                schedule.append(schedule_item)

        _payment = d.pop("payment", UNSET)
        payment: InvoiceContentPayment | Unset
        if isinstance(_payment, Unset):
            payment = UNSET
        else:
            payment = InvoiceContentPayment.from_dict(_payment)

        invoice_content = cls(
            agency=agency,
            client=client,
            booking=booking,
            currency=currency,
            totals=totals,
            lines=lines,
            schedule=schedule,
            payment=payment,
        )

        invoice_content.additional_properties = d
        return invoice_content

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
